import type { LogSchema } from './types.js';

/**
 * host_conns: one record per connection seen by `tracer host watch`, its
 * birth certificate joined with its death. Joins network `conn` records on
 * (local_h, local_p, remote_p, HMAC of the remote address) and time.
 */
export const hostConnsSchema: LogSchema = {
  name: 'host_conns',
  doc: 'Host connections attributed to processes and lineages (tracer host watch).',
  fields: [
    { name: 'ts', type: 'time', doc: 'First poll that saw the connection; born in (prev_poll, ts].' },
    { name: 'prev_poll', type: 'time', doc: 'Poll before the birth (0: open before watching began).' },
    { name: 'last_seen', type: 'time', doc: 'Last poll that saw it (null while open at the end of the log).' },
    { name: 'death_ts', type: 'time', doc: 'First poll that found it gone; died in (last_seen, death_ts].' },
    { name: 'duration_min', type: 'interval', doc: 'Seen lifetime, a lower bound (last_seen − ts).' },
    { name: 'duration_max', type: 'interval', doc: 'Upper bound on the lifetime (death_ts − prev_poll); -1 when unknown.' },
    { name: 'boot_id', type: 'string', doc: 'Boot the host was in: (pid, start_ticks, boot_id) names a process.' },
    { name: 'inode', type: 'count', doc: 'Socket inode.' },
    { name: 'proto', type: 'enum', doc: 'tcp or udp.' },
    { name: 'local_h', type: 'addr', doc: 'Local address.' },
    { name: 'local_p', type: 'port', doc: 'Local port.' },
    { name: 'remote_mask', type: 'string', doc: 'HMAC-SHA256 of the remote address under the host key (not reversible without it).' },
    { name: 'remote_net', type: 'subnet', doc: 'Remote /24 (IPv4) or /48 (IPv6).' },
    { name: 'remote_p', type: 'port', doc: 'Remote port.' },
    { name: 'state', type: 'string', doc: 'Socket state at first sighting (ESTABLISHED, SYN_SENT…).' },
    { name: 'direction', type: 'enum', doc: 'out (connected from here) or in (accepted on a listening port).' },
    { name: 'pid', type: 'int', doc: 'Owning process (-1 when it could not be found).' },
    { name: 'start_ticks', type: 'int', doc: 'Process start, clock ticks since boot.' },
    { name: 'start_time', type: 'time', doc: 'Process start, wall clock (boot time + start ticks / 100).' },
    { name: 'name', type: 'string', doc: 'Process name (comm).' },
    { name: 'exe', type: 'string', doc: 'Executable path.' },
    { name: 'exe_sha256', type: 'string', doc: 'SHA-256 of the executable.' },
    { name: 'ppid', type: 'int', doc: 'Parent pid.' },
    { name: 'uid', type: 'int', doc: 'Process (or socket) owner uid.' },
    { name: 'user', type: 'string', doc: 'Login name of uid.' },
    { name: 'cwd', type: 'string', doc: 'Working directory.' },
    { name: 'argv', type: 'vector[string]', doc: 'Command line arguments (attacker-controlled text).' },
    { name: 'cmdline_cut', type: 'bool', doc: 'The stored command line was cut to 4096 characters.' },
    { name: 'env_sha256', type: 'string', doc: 'SHA-256 of the environment block (never stored in clear).' },
    { name: 'tty', type: 'string', doc: 'Controlling terminal (pts/N), empty when none.' },
    { name: 'cgroup', type: 'string', doc: 'Cgroup path(s).' },
    { name: 'container_runtime', type: 'string', doc: 'docker, containerd, podman, crio, systemd or empty.' },
    { name: 'container_id', type: 'string', doc: 'Container id (or systemd unit).' },
    { name: 'ancestry', type: 'vector[string]', doc: 'Lineage pid:name:start_ticks, the process first, up to init.' },
    { name: 'ancestry_id', type: 'string', doc: 'Stable id of the lineage (hash of boot id and each pid and start).' },
    { name: 'purpose', type: 'enum', doc: 'update_check, telemetry, user_action, background_service or unknown.' },
    { name: 'purpose_reason', type: 'string', doc: 'Rule that decided the purpose.' },
    { name: 'risk', type: 'count', doc: 'Risk score 0–100: the higher of the birth and death scores.' },
    { name: 'risk_reasons', type: 'set[string]', doc: 'Codes of the risk rules that matched at birth or death.' },
    { name: 'missing', type: 'set[string]', doc: 'Facts that could not be read (owner, cwd, exe, environ…).' },
    { name: 'log_seq', type: 'count', doc: 'Position of the birth certificate in the verifiable log.' },
  ],
};
