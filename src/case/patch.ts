import { choice, list, object, onlyKeys, text } from './fields.js';
import { CASE_STATUSES, EVIDENCE_KINDS, PILLAR_NAMES, PILLAR_STATUSES, type Case, type CaseStatus, type Detection, type Evidence, type PillarName, type PillarStatus } from './model.js';
import { parseDetection } from './validate.js';

/** A change to one pillar of the checklist. */
export interface PillarChange { name: PillarName; status?: PillarStatus; notes?: string }

/** Fields of a case that a PATCH (or `tracer case set`) may change; lists are replaced whole. */
export interface CasePatch {
  status?: CaseStatus;
  detection?: Partial<Detection>;
  notes?: string[];
  mitigations?: string[];
  evidence?: Evidence[];
  pillars?: PillarChange[];
}

const PATCH_KEYS = ['status', 'detection', 'notes', 'mitigations', 'evidence', 'pillars', 'version'] as const;

/** An evidence link `{ kind, ref, note? }`. */
export function parseEvidence(value: unknown, field: string): Evidence {
  const input = object(value, field);
  onlyKeys(input, ['kind', 'ref', 'note'], field);
  return { kind: choice(EVIDENCE_KINDS, input.kind, `${field}.kind`), ref: text(input.ref, `${field}.ref`, true), note: input.note === undefined ? '' : text(input.note, `${field}.note`) };
}

/** A pillar change `{ name, status?, notes? }`. */
export function parsePillarChange(value: unknown, field: string): PillarChange {
  const input = object(value, field);
  onlyKeys(input, ['name', 'status', 'notes'], field);
  const change: PillarChange = { name: choice(PILLAR_NAMES, input.name, `${field}.name`) };
  if (input.status !== undefined) change.status = choice(PILLAR_STATUSES, input.status, `${field}.status`);
  if (input.notes !== undefined) change.notes = text(input.notes, `${field}.notes`);
  return change;
}

/** Validates a PATCH body (a `version` key is allowed and ignored here: the API reads it). */
export function parseCasePatch(value: unknown): CasePatch {
  const input = object(value, 'body');
  onlyKeys(input, PATCH_KEYS, '');
  const patch: CasePatch = {};
  if (input.status !== undefined) patch.status = choice(CASE_STATUSES, input.status, 'status');
  if (input.detection !== undefined) patch.detection = parseDetection(input.detection, 'detection', true);
  if (input.notes !== undefined) patch.notes = list(input.notes, 'notes', (v, f) => text(v, f, true));
  if (input.mitigations !== undefined) patch.mitigations = list(input.mitigations, 'mitigations', (v, f) => text(v, f, true));
  if (input.evidence !== undefined) patch.evidence = list(input.evidence, 'evidence', parseEvidence);
  if (input.pillars !== undefined) patch.pillars = list(input.pillars, 'pillars', parsePillarChange);
  return patch;
}

/** The case with a validated patch applied. */
export function applyCasePatch(doc: Case, patch: CasePatch): Case {
  const pillars = doc.pillars.map((p) => {
    const change = patch.pillars?.find((c) => c.name === p.name);
    return change ? { ...p, ...change } : p;
  });
  return {
    ...doc,
    status: patch.status ?? doc.status,
    detection: { ...doc.detection, ...patch.detection },
    notes: patch.notes ?? doc.notes,
    mitigations: patch.mitigations ?? doc.mitigations,
    evidence: patch.evidence ?? doc.evidence,
    pillars,
  };
}
