import type { Alert, Severity } from '../detect/alert.js';

/**
 * The correlated picture of a store: incidents with their timeline, attack graph,
 * compromised hosts and attack chain. `tracer analyze` writes it as analysis.json;
 * reports, cases and the dashboard read it. Times are epoch seconds (UTC).
 */

/** ATT&CK tactics a timeline event can carry, in kill-chain order. */
export const TACTICS = [
  'reconnaissance', 'initial-access', 'credential-access', 'execution', 'persistence', 'discovery',
  'lateral-movement', 'command-and-control', 'exfiltration', 'impact',
] as const;

/** One of TACTICS. */
export type Tactic = (typeof TACTICS)[number];

/** Where a timeline event came from. */
export type EventKind = 'alert' | 'auth' | 'ids' | 'intel' | 'host';

/** One entry of an incident's timeline. */
export interface TimelineEvent {
  ts: number;
  /** Last time the event's evidence covers (equal to ts for a point event). */
  end: number;
  kind: EventKind;
  /** Detector, log stream or sensor that produced it (port_scan, auth, suricata, notice, host_conns…). */
  source: string;
  tactic: Tactic;
  severity: Severity;
  src: string;
  dst: string[];
  /** The account a login event is about (attacker-controlled text). */
  user?: string;
  /** One plain sentence with numbers; attacker-controlled text inside is not escaped here. */
  summary: string;
  /** How to find the evidence: an alert id, a log file and line, connection uids. */
  ref: { alertId?: string; file?: string; line?: number; uids?: string[] };
}

/** Role of a host in an incident. */
export type Role = 'attacker' | 'victim' | 'pivot' | 'c2' | 'internal' | 'external';

/** A host (address, or name for name-keyed detections) in the attack graph. */
export interface GraphNode {
  id: string;
  role: Role;
  /** Inside the networks the analyst owns (RFC 1918/ULA or --internal). */
  internal: boolean;
  /** ISO country from offline GeoIP, when known. */
  country?: string;
  /** Compromise score 0–1 (only for hosts judged compromised). */
  compromised?: number;
}

/** What happened from one host to another: one edge per pair and kind of activity. */
export interface GraphEdge {
  src: string;
  dst: string;
  /** Activity: port_scan, brute_force, login, beacon, exfiltration, intel_match… */
  kind: string;
  tactic: Tactic;
  first: number;
  last: number;
  /** Events or connections behind the edge. */
  count: number;
  summary: string;
}

/** Hosts and what passed between them. */
export interface AttackGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A host that was attacked and then behaved in a new way, with the reasons. */
export interface CompromisedHost {
  host: string;
  /** 0–1: how sure the evidence makes us. */
  score: number;
  /** Plain sentences, strongest first. */
  reasons: string[];
  /** When the host was first attacked, and when it first did something new. */
  attackedAt: number;
  firstNewBehaviour: number;
}

/** One incident: connected activity of the same actors in one time span. */
export interface Incident {
  id: string;
  severity: Severity;
  start: number;
  end: number;
  /** Hosts that attacked from outside the compromise, first attacker first. */
  attackers: string[];
  /** Compromised hosts that went on to attack others (internal scans, lateral logins). */
  pivots: string[];
  victims: string[];
  /** Command-and-control or exfiltration destinations. */
  c2: string[];
  compromised: CompromisedHost[];
  tactics: Tactic[];
  /** Alert ids that belong to this incident (see Analysis.alerts). */
  alertIds: string[];
  timeline: TimelineEvent[];
  graph: AttackGraph;
  /** The attack chain: ordered plain sentences with times and numbers. */
  chain: string[];
}

/** An input the analysis was made from, for the chain of custody. */
export interface AnalysisInput {
  path: string;
  kind: 'capture' | 'log' | 'intel';
  sha256: string;
  bytes: number;
}

/** Everything `tracer analyze` concluded, as written to analysis.json. */
export interface Analysis {
  format: 'tracer-analysis/1';
  tracerVersion: string;
  /** The options the run used (thresholds, internal networks, time zone…). */
  parameters: Record<string, unknown>;
  inputs: AnalysisInput[];
  /** Span of all evidence in the store. */
  window: { start: number; end: number } | null;
  incidents: Incident[];
  /** Every alert of the run, incident or not. */
  alerts: Alert[];
}
