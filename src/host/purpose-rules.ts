import type { ProcessContext } from './process-context.js';

/** Why a connection was made, inferred from how and when — never from what it carried. */
export type Purpose = 'update_check' | 'telemetry' | 'user_action' | 'background_service' | 'unknown';

/** One purpose rule: every condition given must hold; the first matching rule wins. */
export interface PurposeRule {
  purpose: Purpose;
  /** Shown to the analyst next to the purpose. */
  reason: string;
  /** Matches the process name, executable or command line. */
  program?: RegExp;
  /** Matches the name of any ancestor. */
  ancestor?: RegExp;
  /** Requires a controlling terminal (true) or none (false). */
  tty?: boolean;
  /** Requires (or excludes) periodic births. */
  periodic?: boolean;
}

/**
 * The purpose table, most specific first. Package managers and updaters are
 * update checks; metrics agents and crash reporters are telemetry; a process
 * with a terminal (or started from an SSH/terminal session) acts for a user;
 * what runs without a terminal under init, cron or a periodic schedule is a
 * background service.
 */
export const PURPOSE_RULES: readonly PurposeRule[] = [
  { purpose: 'update_check', reason: 'package manager or updater', program: /(?:^|\/|\s)(?:apt|apt-get|aptitude|unattended-upgrade\S*|dnf|yum|zypper|pacman|snapd?|flatpak|fwupd\S*|packagekitd|freshclam|update-notifier|softwareupdate|pip[0-9.]* install|npm (?:install|update|outdated))(?:\s|$)/ },
  { purpose: 'update_check', reason: 'started by an update timer', ancestor: /^(?:apt\.systemd\.daily|unattended-upgr|packagekitd)$/ },
  { purpose: 'telemetry', reason: 'metrics, monitoring or crash-report agent', program: /telemetry|metrics|collectd|telegraf|node_exporter|prometheus|datadog|newrelic|sentry|whoopsie|apport|popularity-contest|ubuntu-report|crash[-_]?report|otelcol|fluent-?bit|filebeat/i },
  { purpose: 'user_action', reason: 'has a controlling terminal', tty: true },
  { purpose: 'user_action', reason: 'started from an interactive session', ancestor: /^(?:sshd|login|gnome-terminal-|konsole|xterm|tmux: server|screen|code|gnome-shell)$/ },
  { purpose: 'background_service', reason: 'periodic connections without a terminal', periodic: true, tty: false },
  { purpose: 'background_service', reason: 'daemon or scheduled job without a terminal', ancestor: /^(?:cron|crond|atd|anacron|systemd|init|containerd-shim\S*|runc|dockerd)$/, tty: false },
];

/** Whether `rule` holds for `ctx`. */
function purposeRuleMatches(rule: PurposeRule, ctx: ProcessContext): boolean {
  if (rule.program && !(rule.program.test(ctx.name) || rule.program.test(ctx.exe) || rule.program.test(ctx.cmdline))) return false;
  if (rule.ancestor && !ctx.ancestors.some((a) => rule.ancestor!.test(a))) return false;
  if (rule.tty !== undefined && (ctx.tty !== '') !== rule.tty) return false;
  if (rule.periodic !== undefined && ctx.periodic !== rule.periodic) return false;
  return true;
}

/**
 * Infers a connection's purpose from the first matching rule.
 * @example inferPurpose(ctx) // { purpose: 'user_action', reason: 'has a controlling terminal' }
 */
export function inferPurpose(ctx: ProcessContext): { purpose: Purpose; reason: string } {
  const rule = PURPOSE_RULES.find((r) => purposeRuleMatches(r, ctx));
  return rule ? { purpose: rule.purpose, reason: rule.reason } : { purpose: 'unknown', reason: 'no rule matched' };
}
