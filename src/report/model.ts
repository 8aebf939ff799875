import type { Severity } from '../detect/alert.js';
import type { Analysis, AttackGraph, CompromisedHost, Incident } from '../correlate/model.js';
import type { MitigationPlan } from '../mitigate/model.js';

/**
 * What a report shows, as written to report.json and embedded in report.html:
 * the analysis condensed (capped for huge stores), traffic statistics from the
 * store, the mitigation plan and the chain of custody. Times are epoch seconds (UTC).
 */

/** The plain-words summary (section 1). */
export interface Summary {
  /** One sentence a reader outside security understands. */
  headline: string;
  severity: Severity | 'none';
  window: { start: number; end: number } | null;
  attackers: string[];
  /** Compromised hosts that went on to attack others. */
  pivots: string[];
  victims: string[];
  c2: string[];
  compromised: CompromisedHost[];
  /** Alert counts per severity. */
  alertCounts: Record<Severity, number>;
  incidents: number;
}

/** One incident as the report shows it (timeline and graph capped). */
export type IncidentView = Pick<Incident, 'id' | 'severity' | 'start' | 'end' | 'attackers' | 'pivots' | 'victims' | 'c2' | 'tactics' | 'chain' | 'timeline'> & {
  /** Events left out of `timeline` by the cap. */
  timelineOmitted: number;
};

/** One row of the anomalies table (section 3). */
export interface AnomalyRow {
  id: string;
  detector: string;
  severity: Severity;
  score: number;
  tactic: string;
  techniqueId: string;
  firstSeen: number;
  lastSeen: number;
  src: string;
  dst: string[];
  /** Destination ports named by the evidence. */
  ports: number[];
  /** Connections, probes or records behind the alert, when the evidence counts them. */
  count: number | null;
  explanation: string;
  /** Scalar evidence fields as text (capped), and the first connection uids. */
  evidence: Array<[string, string]>;
  uids: string[];
  /** Incident the alert belongs to, if any. */
  incident: string | null;
}

/** An ATT&CK technique seen, with what it exploited (section 4). */
export interface AttackPattern {
  techniqueId: string;
  technique: string;
  tactic: string;
  url: string;
  /** What the technique is, in plain words. */
  description: string;
  alerts: number;
  hosts: string[];
  /** The weaknesses the observed activity exploited, with the numbers that show them. */
  weaknesses: string[];
}

/** Counts for one protocol over time (section 5). */
export interface TrafficSeries {
  protocol: string;
  packets: number[];
  bytes: number[];
  connections: number[];
}

/** Traffic before, during and after the intrusion. */
export interface PhaseTotals {
  phase: 'before' | 'during' | 'after';
  start: number;
  end: number;
  connections: number;
  packets: number;
  bytes: number;
}

/** Traffic over time in adaptive buckets, per protocol, with the intrusion windows. */
export interface TrafficStats {
  /** Span of the stored connections, null for an empty store. */
  span: { start: number; end: number } | null;
  bucketSeconds: number;
  /** Start time of each bucket. */
  buckets: number[];
  series: TrafficSeries[];
  /** Incident windows, shaded on the charts. */
  intrusions: Array<{ id: string; start: number; end: number }>;
  phases: PhaseTotals[];
  /** Whole-store totals (`hosts` counted exactly, so both stores give the same figure). */
  totals: { connections: number; packets: number; bytes: number; hosts: number };
}

/** Kind of a top-N column, for formatting. */
export type ColumnKind = 'text' | 'count' | 'bytes';

/** A top-N table (section 6). */
export interface TopTable {
  id: string;
  title: string;
  columns: Array<{ key: string; label: string; kind: ColumnKind }>;
  rows: Array<Record<string, string | number>>;
}

/** A threat-intel match with its feed context (section 8). */
export interface IntelRow {
  alertId: string;
  ts: number;
  observed: string;
  kind: string;
  feed: string;
  indicator: string;
  src: string;
  dst: string[];
  country: string;
  seen: number;
  /** Feed context fields as text. */
  context: Array<[string, string]>;
}

/** Node positions for the network map (section 7), shared by the page and the static SVG. */
export interface MapNode {
  id: string;
  role: string;
  internal: boolean;
  compromised: number | null;
  country: string;
  x: number;
  y: number;
}

/** The attack path as a graph, nodes placed in columns by role. */
export interface NetworkMap {
  nodes: MapNode[];
  edges: AttackGraph['edges'];
  /** Nodes and edges left out by the cap. */
  omitted: { nodes: number; edges: number };
}

/** One input in the chain of custody (section 10). */
export interface CustodyInput {
  path: string;
  kind: string;
  sha256: string;
  bytes: number;
  packets: number | null;
  first: number | null;
  last: number | null;
  tracerVersion: string;
  ingested: string;
}

/** Chain of custody: inputs, versions and parameters. */
export interface Custody {
  inputs: CustodyInput[];
  reportVersion: string;
  analysisVersion: string;
  generatedAt: string;
  parameters: Record<string, unknown>;
  /** The store the statistics came from, with its size at report time. */
  store: { path: string; bytes: number } | null;
}

/** Everything a report shows; the JSON format of report.json. */
export interface ReportData {
  format: 'tracer-report/1';
  title: string;
  summary: Summary;
  incidents: IncidentView[];
  anomalies: { total: number; rows: AnomalyRow[] };
  patterns: AttackPattern[];
  traffic: TrafficStats;
  tops: TopTable[];
  map: NetworkMap;
  intel: { total: number; rows: IntelRow[] };
  mitigations: MitigationPlan;
  custody: Custody;
}

/** What a report is made from. */
export interface ReportInput {
  analysis: Analysis;
  plan: MitigationPlan;
  traffic: TrafficStats;
  tops: TopTable[];
  custody: Custody;
}
