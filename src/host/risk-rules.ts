import { INTERPRETER_NAMES, SERVICE_NAMES, SHELL_NAMES, type ProcessContext } from './process-context.js';

/** One risk rule: when every condition holds, `score` points are added with `reason`. */
export interface RiskRule {
  /** Stable snake_case code, as it appears in `risk_reasons`. */
  code: string;
  score: number;
  reason: string;
  /** Matches the owning process's name. */
  name?: RegExp;
  /** Matches the command line. */
  cmdline?: RegExp;
  /** Matches the executable path. */
  exe?: RegExp;
  /** Some ancestor is a shell and an older ancestor a network service. */
  shellUnderService?: boolean;
  /** Some ancestor is a shell. */
  shellAncestor?: boolean;
  /** No controlling terminal. */
  noTty?: boolean;
  periodic?: boolean;
  /** Connection alive at least this many seconds. */
  minLifetime?: number;
}

/** Living-off-the-land tools that fetch, relay or tunnel. */
const LOLBINS = /^(?:curl|wget|nc|ncat|netcat|nc\.openbsd|nc\.traditional|socat|telnet|openssl|ssh|scp|sftp|ftp|tftp|busybox|python[0-9.]*|perl[0-9.]*|php[0-9.]*|ruby[0-9.]*|lua[0-9.]*|gawk|awk|base64|xxd|dd)$/;

/**
 * Reverse-shell and socket one-liner patterns in a command line: bash's
 * /dev/tcp, named pipes, `nc -e`, interactive shells with redirected
 * descriptors, Python/Perl/PHP sockets tied to a shell (dup2, pty, subprocess).
 */
const REVERSE_SHELL = /mkfifo|mknod\s+\S+\s+p\b|\bnc(?:at)?\b[^|]*\s-[a-z]*[ec]\b|\b(?:ba|z|k)?sh\s+-i\b|exec\s+\d+<>|[0-9]?>&\s*\/dev\/(?:tcp|udp)|0<&\d+|os\.dup2|pty\.spawn|socket\.socket\b.*\bsubprocess|IO::Socket\b.*\bexec|fsockopen|TCPSocket\.new|socat\b.*\bexec:/i;

/** The risk table; scores add up, capped at 100. */
export const RISK_RULES: readonly RiskRule[] = [
  { code: 'shell_owns_socket', score: 40, reason: 'a shell holds the socket itself', name: SHELL_NAMES },
  { code: 'interpreter_owns_socket', score: 15, reason: 'a script interpreter holds the socket', name: INTERPRETER_NAMES },
  { code: 'dev_tcp', score: 40, reason: 'command line uses /dev/tcp or /dev/udp', cmdline: /\/dev\/(?:tcp|udp)\// },
  { code: 'reverse_shell_pattern', score: 40, reason: 'command line matches a reverse-shell idiom', cmdline: REVERSE_SHELL },
  { code: 'lolbin_from_shell_under_service', score: 40, reason: 'download/relay tool spawned from a shell under a network service', name: LOLBINS, shellUnderService: true },
  { code: 'lolbin_from_shell', score: 10, reason: 'download/relay tool spawned from a shell', name: LOLBINS, shellAncestor: true },
  { code: 'service_spawned_shell', score: 40, reason: 'a network service started a shell in this lineage', shellUnderService: true },
  { code: 'shell_without_tty', score: 10, reason: 'shell activity without a terminal', name: SHELL_NAMES, noTty: true },
  { code: 'deleted_executable', score: 30, reason: 'the executable was deleted after start', exe: / \(deleted\)$/ },
  { code: 'executable_in_temp', score: 25, reason: 'executable runs from a world-writable temp directory', exe: /^\/(?:tmp|var\/tmp|dev\/shm)\// },
  { code: 'periodic_births', score: 25, reason: 'beacon-like: new connections at a regular period', periodic: true },
  { code: 'long_lived', score: 20, reason: 'connection open for over an hour', minLifetime: 3600 },
];

/** Whether `rule` holds for `ctx`. */
function riskRuleMatches(rule: RiskRule, ctx: ProcessContext): boolean {
  if (rule.name && !rule.name.test(ctx.name)) return false;
  if (rule.cmdline && !rule.cmdline.test(ctx.cmdline)) return false;
  if (rule.exe && !rule.exe.test(ctx.exe)) return false;
  if (rule.shellAncestor && !ctx.ancestors.some((a) => SHELL_NAMES.test(a))) return false;
  if (rule.shellUnderService && !shellUnderService(ctx)) return false;
  if (rule.noTty && ctx.tty !== '') return false;
  if (rule.periodic && !ctx.periodic) return false;
  if (rule.minLifetime !== undefined && ctx.lifetime < rule.minLifetime) return false;
  return true;
}

/** True when the lineage (self included) has a shell with a network service above it. */
function shellUnderService(ctx: ProcessContext): boolean {
  const lineage = [ctx.name, ...ctx.ancestors];
  const shell = lineage.findIndex((n) => SHELL_NAMES.test(n));
  return shell >= 0 && lineage.slice(shell + 1).some((n) => SERVICE_NAMES.test(n));
}

/**
 * Scores a connection: the sum of matching rules (capped at 100) and their codes.
 * @example scoreRisk(ctx) // { score: 80, reasons: ['shell_owns_socket', 'dev_tcp'] }
 */
export function scoreRisk(ctx: ProcessContext): { score: number; reasons: string[] } {
  const matched = RISK_RULES.filter((r) => riskRuleMatches(r, ctx));
  return { score: Math.min(100, matched.reduce((sum, r) => sum + r.score, 0)), reasons: matched.map((r) => r.code) };
}

/** The lifetimes at which some rule starts to hold, ascending: the only times a live connection's score can change. */
const LIFETIME_STEPS = [...new Set(RISK_RULES.flatMap((r) => (r.minLifetime === undefined ? [] : [r.minLifetime])))].sort((a, b) => a - b);

/**
 * Which lifetime band `lifetime` falls in (the number of rule thresholds it
 * has reached): a connection's score is the same for every lifetime of one band.
 * @example riskBand(10) // 0; riskBand(7200) // 1 (past long_lived's hour)
 */
export function riskBand(lifetime: number): number {
  let band = 0;
  while (band < LIFETIME_STEPS.length && lifetime >= LIFETIME_STEPS[band]) band++;
  return band;
}
