import type { Alert } from '../../detect/alert.js';
import { severityRank } from '../../detect/alert.js';
import { count } from '../../detect/sql-detector.js';
import type { Analysis, Incident } from '../../correlate/model.js';
import type { Mitigation, RuleSet } from '../model.js';
import type { Indicator } from '../rules/index.js';
import type { BlockScope } from '../scope.js';
import { amount, canonicalAddress, canonicalDomain, safeId, type Address } from '../values.js';

/** What every finding builder reads: the analysis, sorted and scoped. */
export interface FindingContext {
  analysis: Analysis;
  scope: BlockScope;
  /** Alerts worth acting on (in an incident, or medium severity and up), oldest first; no traffic spikes. */
  alerts: Alert[];
  /** Incidents sorted by id. */
  incidents: Incident[];
  /** Ids of the alerts that belong to an incident. */
  inIncident: ReadonlySet<string>;
  /** Validated resolver to name in `dig` checks, or the placeholder `<resolver>`. */
  resolver: string;
}

/** A mitigation before its block rules are written: the indicators it blocks and any other rules. */
export interface Draft extends Omit<Mitigation, 'rules'> {
  /** Indicators to block at every enforcement point. */
  block: Indicator[];
  /** Name for its tables and groups (see RuleContext), when it blocks anything. */
  ruleName?: string;
  /** Rules that are not block lists (rate limits). */
  rules: RuleSet[];
}

/** Detector-produced alerts to act on (part of an incident, or medium severity and up; traffic spikes are context), oldest first, ties by id. */
export function actionable(analysis: Analysis): Alert[] {
  const inIncident = new Set(analysis.incidents.flatMap((i) => i.alertIds));
  return analysis.alerts
    .filter((a) => a.detector !== 'traffic_spike' && (inIncident.has(a.id) || severityRank(a.severity) >= severityRank('medium')))
    .map((a) => ({ a, t: amount(a.firstSeen) ?? 0 }))
    .sort((x, y) => x.t - y.t || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0))
    .map(({ a }) => a);
}

/** The alerts of one detector. */
export function byDetector(ctx: FindingContext, ...detectors: string[]): Alert[] {
  return ctx.alerts.filter((a) => detectors.includes(a.detector));
}

/** Ids of alerts and incidents, validated, deduplicated, in order. */
export function refs(alerts: readonly Alert[], incidents: readonly Incident[] = []): string[] {
  return [...new Set([...incidents.map((i) => safeId(i.id)), ...alerts.map((a) => safeId(a.id))].filter((x): x is string => x !== null))];
}

/** Incidents that hold any of the alerts. */
export function incidentsOf(ctx: FindingContext, alerts: readonly Alert[]): Incident[] {
  const ids = new Set(alerts.map((a) => a.id));
  return ctx.incidents.filter((i) => i.alertIds.some((id) => ids.has(id)));
}

/**
 * A host as it may be printed: a validated address or name, or a range label
 * (`10.0.0.1 … 10.0.0.99`) of two addresses; null otherwise.
 */
export function hostLabel(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const range = text.split(' … ');
  if (range.length === 2) {
    const [a, b] = range.map(canonicalAddress);
    return a && b ? `${a.text} … ${b.text}` : null;
  }
  return canonicalAddress(text)?.text ?? canonicalDomain(text);
}

/** hostLabel, or a neutral phrase when the text is not printable. */
export function hostOr(text: unknown): string {
  return hostLabel(text) ?? 'a host (name not shown: not a valid address or name)';
}

/** An address as an indicator. */
export function addressIndicator(a: Address, role: Indicator['role']): Indicator {
  return { value: a.text, kind: a.version === 4 ? 'ipv4' : 'ipv6', role };
}

/** The first item of a list, as a printable host. */
export function firstDst(alert: Alert): string {
  return hostOr(alert.dst[0]);
}

/** Sentences a `why` lists before summing up the rest. */
export const MAX_WHY = 10;

/**
 * The first MAX_WHY sentences joined, then how many more there are (`more` names them in
 * the plural), so a plan for thousands of alerts stays readable.
 * @example sentences(['A.', 'B.'], 'findings') // 'A. B.'
 */
export function sentences(list: readonly string[], more: string): string {
  const shown = list.slice(0, MAX_WHY).join(' ');
  return list.length > MAX_WHY ? `${shown} And ${count(list.length - MAX_WHY)} more ${more}.` : shown;
}

/** Each alert as `<source> <what it did>.` (validated values and numbers only). */
export function alertSentences(alerts: readonly Alert[], phrase: (a: Alert) => string): string[] {
  return alerts.map((a) => `${hostOr(a.src)} ${phrase(a)}.`);
}

export { pushTo } from '../../util/push-to.js';

/**
 * An nmap command line for a host: `-6` for IPv6 targets, which nmap needs.
 * @example nmapCommand('-p 22', '2001:db8::1') // 'nmap -6 -Pn -p 22 2001:db8::1'
 */
export function nmapCommand(ports: string, host: string): string {
  return `nmap ${canonicalAddress(host)?.version === 6 ? '-6 ' : ''}-Pn ${ports} ${host}`;
}

/**
 * The re-check after a control is in place: a new capture through Tracer, listing one
 * detector's alerts, with what to expect.
 * @example recheck('beacon', 'no alert to the blocked destinations')
 */
export function recheck(detector: string, expect: string): string {
  return `tracer ingest --db recheck.duckdb new-capture.pcap && tracer detect --db recheck.duckdb && tracer alerts --db recheck.duckdb --detector ${detector}   # ${expect}`;
}
