/** An sshd message reduced to its authentication meaning (filled in place by classifySshdMessage). */
export interface SshdEvent {
  /** failed_password, accepted_publickey, invalid_user, disconnect, preauth_close, session_opened… */
  event: string;
  user: string | null;
  invalidUser: boolean;
  srcIp: string | null;
  srcPort: number | null;
  method: string | null;
  /** How many events the line stands for (`message repeated N times`). */
  repeat: number;
}

/** A new, empty SshdEvent to be filled. */
export function newSshdEvent(): SshdEvent {
  return { event: '', user: null, invalidUser: false, srcIp: null, srcPort: null, method: null, repeat: 1 };
}

/** `message repeated N times: [ msg]`; N is read up to 9 digits (a longer count is no syslog daemon's). */
const REPEATED = /^message repeated (\d{1,9}) times: \[ ?(.*?)\]?$/;
const FAILED = /^Failed (\S+) for (invalid user )?(.*?) from (\S+) port (\d{1,5})/;
const ACCEPTED = /^Accepted (\S+) for (.*?) from (\S+) port (\d{1,5})/;
const INVALID = /^Invalid user (.*?) from (\S+?)(?: port (\d{1,5}))?$/;
const CLOSED = /^Connection (?:closed|reset) by (?:(?:authenticating|invalid) user (.*?) )?(\S+?)(?: port (\d{1,5}))?( \[preauth\])?$/;
const DISCONNECTED = /^(?:error: )?(?:Received disconnect from|Disconnected from)(?: (?:authenticating |invalid )?user (.*?))? (\S+?)(?: port (\d{1,5})(?::|\s|$)|: | \[preauth\]|$)/;
const MAX_TRIES = /^error: maximum authentication attempts exceeded for (invalid user )?(.*?) from (\S+) port (\d{1,5})/;
const SESSION = /^(?:pam_unix\(sshd:session\): )?session (opened|closed) for user (\S+)/;
const PAM_FAILURE = /^(?:pam_unix\(sshd:auth\): )?authentication failure;.* rhost=(\S*)(?:\s+user=(\S+))?/;
const BREAK_IN = /^reverse mapping checking getaddrinfo for \S+ \[([^\]]+)\] failed - POSSIBLE BREAK-IN ATTEMPT!/;
const PREAUTH = / \[preauth\]$/;

const KNOWN_METHODS: ReadonlySet<string> = new Set(['password', 'publickey']);

function set(out: SshdEvent, event: string, user: string | undefined | null, ip: string | undefined | null, port: string | undefined | null): true {
  out.event = event;
  out.user = user ?? null;
  out.srcIp = ip || null;
  out.srcPort = port ? Number(port) : null;
  return true;
}

function classifyOne(message: string, out: SshdEvent): boolean {
  let m: RegExpExecArray | null;
  if ((m = FAILED.exec(message))) {
    set(out, KNOWN_METHODS.has(m[1]) ? `failed_${m[1]}` : 'failed_auth', m[3], m[4], m[5]);
    out.invalidUser = m[2] !== undefined;
    out.method = m[1];
    return true;
  }
  if ((m = ACCEPTED.exec(message))) {
    set(out, KNOWN_METHODS.has(m[1]) ? `accepted_${m[1]}` : 'accepted_auth', m[2], m[3], m[4]);
    out.method = m[1];
    return true;
  }
  if ((m = INVALID.exec(message))) { out.invalidUser = true; return set(out, 'invalid_user', m[1], m[2], m[3]); }
  if ((m = CLOSED.exec(message))) return set(out, m[4] ? 'preauth_close' : 'disconnect', m[1], m[2], m[3]);
  if ((m = DISCONNECTED.exec(message))) return set(out, PREAUTH.test(message) ? 'preauth_close' : 'disconnect', m[1], m[2], m[3]);
  if ((m = MAX_TRIES.exec(message))) { out.invalidUser = m[1] !== undefined; return set(out, 'max_auth_tries', m[2], m[3], m[4]); }
  if ((m = SESSION.exec(message))) return set(out, `session_${m[1]}`, m[2], null, null);
  if ((m = PAM_FAILURE.exec(message))) return set(out, 'auth_failure', m[2], m[1], null);
  if ((m = BREAK_IN.exec(message))) return set(out, 'break_in_attempt', null, m[1], null);
  return false;
}

/**
 * Reads the authentication meaning of an sshd (or sshd PAM) message into
 * `out`. Returns false for messages that carry none (server start, key
 * exchange…): those are not errors, just not auth events.
 */
export function classifySshdMessage(message: string, out: SshdEvent): boolean {
  out.invalidUser = false;
  out.method = null;
  out.repeat = 1;
  const repeated = REPEATED.exec(message);
  if (!repeated) return classifyOne(message, out);
  if (!classifyOne(repeated[2], out)) return false;
  out.repeat = Number(repeated[1]);
  return true;
}
