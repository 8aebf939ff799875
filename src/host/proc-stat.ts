/** The fields of /proc/PID/stat that identify a process and its place in the tree. */
export interface ProcStat {
  pid: number;
  /** Kernel `comm` (executable name, 15 chars max, user-chosen: may hold spaces and parentheses). */
  comm: string;
  ppid: number;
  /** Controlling terminal device number (0 = none). */
  ttyNr: number;
  /** Start time in clock ticks since boot: with pid and boot id, the process identity. */
  startTicks: number;
}

/** Field index (after `comm`) of each value, counting `state` as 0 (see proc(5)). */
const PPID_FIELD = 1;
const TTY_FIELD = 4;
const START_FIELD = 19;

/**
 * Parses /proc/PID/stat text. `comm` is cut at the LAST `)`, since a process
 * can name itself `a) 1 2 (b`. Returns null for text without the fields.
 * @example parseProcStat('42 (sh) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 500 0')?.startTicks // 500
 */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 1 || close < open) return null;
  const pid = Number(text.slice(0, open).trim());
  const rest = text.slice(close + 2).split(' ');
  if (!Number.isInteger(pid) || rest.length <= START_FIELD) return null;
  const ppid = Number(rest[PPID_FIELD]);
  const ttyNr = Number(rest[TTY_FIELD]);
  const startTicks = Number(rest[START_FIELD]);
  if (![ppid, ttyNr, startTicks].every(Number.isInteger)) return null;
  return { pid, comm: text.slice(open + 1, close), ppid, ttyNr, startTicks };
}

/**
 * Name of a controlling terminal from its device number, as `ps` prints it:
 * `pts/N` (majors 136–143), `ttyN` / `ttySN` (major 4), `''` for none or unknown.
 * @example ttyName((136 << 8) | 3) // 'pts/3'
 */
export function ttyName(ttyNr: number): string {
  const major = (ttyNr >> 8) & 0xfff;
  const minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
  if (major >= 136 && major <= 143) return `pts/${(major - 136) * 256 + minor}`;
  if (major === 4) return minor < 64 ? `tty${minor}` : `ttyS${minor - 64}`;
  return ttyNr === 0 ? '' : `dev:${major},${minor}`;
}
