/** Kinds of network element a path can hold (the original tool's list plus the issue's). */
export const ELEMENT_TYPES = ['firewall', 'router', 'switch', 'ids', 'ips', 'ndr', 'proxy', 'load_balancer', 'wireless_ap', 'endpoint', 'other'] as const;
/** How the threat crossed an element: straight through, sideways, or a pivot that starts a new sub-path. */
export const MOVEMENTS = ['direct', 'lateral', 'pivot'] as const;
/** Which way the traffic flowed through the element. */
export const DIRECTIONS = ['inbound', 'outbound', 'east-west', 'hairpin'] as const;
/** What the element does with the traffic. */
export const ACTIVITIES = ['control', 'monitoring', 'both'] as const;
/** Life-cycle states of a case. */
export const CASE_STATUSES = ['active', 'completed', 'on_hold', 'archived'] as const;
/** The six TRACER pillars, in framework order. */
export const PILLAR_NAMES = ['Trust', 'Recognize', 'Analyze', 'Communicate', 'Engage', 'Refine'] as const;
/** Progress of one pillar. */
export const PILLAR_STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
/** Kinds of evidence a case can link to. */
export const EVIDENCE_KINDS = ['alert', 'connection', 'log', 'file', 'link'] as const;

/** One of ELEMENT_TYPES. */
export type ElementType = typeof ELEMENT_TYPES[number];
/** One of MOVEMENTS. */
export type Movement = typeof MOVEMENTS[number];
/** One of DIRECTIONS. */
export type Direction = typeof DIRECTIONS[number];
/** One of ACTIVITIES. */
export type Activity = typeof ACTIVITIES[number];
/** One of CASE_STATUSES. */
export type CaseStatus = typeof CASE_STATUSES[number];
/** One of PILLAR_NAMES. */
export type PillarName = typeof PILLAR_NAMES[number];
/** One of PILLAR_STATUSES. */
export type PillarStatus = typeof PILLAR_STATUSES[number];
/** One of EVIDENCE_KINDS. */
export type EvidenceKind = typeof EVIDENCE_KINDS[number];

/** One observation on an element, e.g. `{ key: 'interface', value: 'Gi0/1' }`. */
export interface Fact { key: string; value: string }

/** A network element on the path between source and destination. */
export interface PathElement {
  /** Stable within the case (`el-1`, `el-2`, …), never reused. */
  id: string;
  type: ElementType;
  name: string;
  movement: Movement;
  direction?: Direction;
  activity?: Activity;
  /** Facts seen on the side facing the source (ingress). */
  sourceFacts: Fact[];
  /** Facts seen on the side facing the destination (egress). */
  destinationFacts: Fact[];
}

/** What was detected and who investigates it. */
export interface Detection {
  threatType: string;
  source: string;
  destination: string;
  tickets: string[];
  investigator: string;
}

/** A link to an alert, connection (uid), log line or outside document. */
export interface Evidence { kind: EvidenceKind; ref: string; note: string }

/** One pillar of the TRACER checklist. */
export interface Pillar { name: PillarName; status: PillarStatus; notes: string }

/** A TRACER case: the documented attack path and everything around it. */
export interface Case {
  id: string;
  /** ISO time the case was opened. */
  createdAt: string;
  status: CaseStatus;
  detection: Detection;
  path: PathElement[];
  evidence: Evidence[];
  pillars: Pillar[];
  notes: string[];
  mitigations: string[];
  /** Next element number, so removed ids are never reused. */
  nextElement: number;
}

/** A case as stored: the document plus its optimistic-concurrency version. */
export interface StoredCase { version: number; updatedAt: string; case: Case }
