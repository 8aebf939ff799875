import { createHash } from 'node:crypto';

/** Alert severities, lowest first. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;

/** One of SEVERITIES. */
export type Severity = (typeof SEVERITIES)[number];

/** A MITRE ATT&CK tactic and technique. */
export interface Attack {
  tactic: string;
  techniqueId: string;
  technique: string;
}

/** A detection: what, who, when, how strong, why, and the evidence to open. */
export interface Alert {
  id: string;
  detector: string;
  severity: Severity;
  score: number;
  attack: Attack;
  firstSeen: number;
  lastSeen: number;
  src: string;
  dst: string[];
  explanation: string;
  evidence: Record<string, unknown>;
}

/** What a detector supplies; the id is derived from the detector and `key`. */
export type AlertDraft = Omit<Alert, 'id'> & { key: string };

/**
 * Completes a draft: the id is a hash of detector and key (the same finding
 * gets the same id on every run), the score is clamped to 0–1.
 * @example makeAlert({ detector: 'port_scan', key: '10.0.0.1>10.0.0.2', … })
 */
export function makeAlert(draft: AlertDraft): Alert {
  const { key, ...rest } = draft;
  const id = createHash('sha256').update(`${draft.detector}\0${key}`).digest('hex').slice(0, 20);
  return { ...rest, id, score: Math.round(Math.min(1, Math.max(0, draft.score)) * 1000) / 1000 };
}

/** Rank of a severity (info 0 … critical 4), for comparisons. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** Parses a severity name; null when it is not one. */
export function parseSeverity(text: string): Severity | null {
  return (SEVERITIES as readonly string[]).includes(text) ? (text as Severity) : null;
}

/**
 * Severity from a score between 0 and 1 with the given floor: 0.9+ is two
 * steps above the floor, 0.7+ one step (capped at critical).
 */
export function severityFor(score: number, floor: Severity): Severity {
  const step = score >= 0.9 ? 2 : score >= 0.7 ? 1 : 0;
  return SEVERITIES[Math.min(SEVERITIES.length - 1, severityRank(floor) + step)];
}
