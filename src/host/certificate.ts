import { ancestryId, formatAncestor, type Ancestor } from './ancestry.js';
import type { EndpointMasker } from './endpoint-mask.js';
import { startEpoch, type BootInfo } from './host-clock.js';
import { MAX_STORED_CMDLINE_CHARS } from './limits.js';
import type { ProcessInfo } from './process-info.js';
import type { LiveSocket } from './socket-scan.js';

/**
 * A connection's birth certificate: written once, when the connection is
 * first seen. Field names are the `host_conns` store columns.
 */
export interface BirthCertificate {
  kind: 'birth';
  /** First poll that saw the connection; it was born in (prev_poll, ts]. */
  ts: number;
  /** Previous poll (0 for connections already open when watching started). */
  prev_poll: number;
  boot_id: string;
  inode: number;
  proto: 'tcp' | 'udp';
  local_h: string;
  local_p: number;
  /** HMAC-SHA256 of the remote address under the mask key. */
  remote_mask: string;
  /** Remote /24 (IPv4) or /48 (IPv6). */
  remote_net: string;
  remote_p: number;
  state: string;
  direction: 'in' | 'out';
  pid: number;
  /** Start ticks since boot: (pid, start_ticks, boot_id) is the process identity. */
  start_ticks: number;
  /** Process start, epoch seconds (from boot time and start ticks; -1 when unknown). */
  start_time: number;
  name: string;
  exe: string;
  exe_sha256: string;
  ppid: number;
  uid: number;
  user: string;
  cwd: string;
  /** Arguments; cut to MAX_STORED_CMDLINE_CHARS in total (see cmdline_cut). */
  argv: string[];
  cmdline_cut: boolean;
  env_sha256: string;
  tty: string;
  cgroup: string;
  container_runtime: string;
  container_id: string;
  /** `pid:name:start_ticks`, the process first, up to init. */
  ancestry: string[];
  ancestry_id: string;
  purpose: string;
  purpose_reason: string;
  risk: number;
  risk_reasons: string[];
  /** Facts that could not be read ('owner' when no process could be found for the socket). */
  missing: string[];
}

/** What a certificate is built from. */
export interface CertificateInput {
  socket: LiveSocket;
  process: ProcessInfo | null;
  chain: readonly Ancestor[];
  boot: BootInfo;
  masker: EndpointMasker;
  user: string;
}

/**
 * Builds the certificate of a new connection; purpose and risk are filled in
 * afterwards by the monitor (they need the certificate's context).
 * @example buildCertificate({ socket, process, chain, boot, masker, user: 'root' })
 */
export function buildCertificate(input: CertificateInput): BirthCertificate {
  const { socket, process: p, chain, boot } = input;
  const { argv, cut } = capArgs(p?.argv ?? []);
  const remote = input.masker.mask(socket.remoteAddr);
  return {
    kind: 'birth',
    ts: socket.firstSeen,
    prev_poll: socket.prevPoll,
    boot_id: boot.bootId,
    inode: socket.inode,
    proto: socket.proto,
    local_h: socket.localAddr,
    local_p: socket.localPort,
    remote_mask: remote.mask,
    remote_net: remote.net,
    remote_p: socket.remotePort,
    state: socket.state,
    direction: socket.direction,
    pid: p?.pid ?? -1,
    start_ticks: p?.startTicks ?? -1,
    start_time: p ? startEpoch(boot, p.startTicks) : -1,
    name: p?.comm ?? '',
    exe: p?.exe ?? '',
    exe_sha256: p?.exeSha256 ?? '',
    ppid: p?.ppid ?? -1,
    uid: p && p.uid >= 0 ? p.uid : socket.uid,
    user: input.user,
    cwd: p?.cwd ?? '',
    argv,
    cmdline_cut: cut,
    env_sha256: p?.envSha256 ?? '',
    tty: p?.tty ?? '',
    cgroup: p?.cgroup ?? '',
    container_runtime: p?.container.runtime ?? '',
    container_id: p?.container.id ?? '',
    ancestry: chain.map(formatAncestor),
    ancestry_id: chain.length > 0 ? ancestryId(boot.bootId, chain) : '',
    purpose: 'unknown',
    purpose_reason: '',
    risk: 0,
    risk_reasons: [],
    missing: p ? p.missing : ['owner'],
  };
}

/** Keeps whole arguments up to MAX_STORED_CMDLINE_CHARS in total, cutting the last one. */
function capArgs(args: readonly string[]): { argv: string[]; cut: boolean } {
  const argv: string[] = [];
  let room = MAX_STORED_CMDLINE_CHARS;
  for (const arg of args) {
    if (arg.length > room) { argv.push(arg.slice(0, room)); return { argv, cut: true }; }
    argv.push(arg);
    room -= arg.length;
  }
  return { argv, cut: false };
}
