import type { Case, Detection } from './model.js';
import { defaultPillars } from './pillars.js';

/**
 * Case id in the original tool's shape, from the opening time (UTC):
 * `caseId(new Date('2025-09-29T12:54:53Z'))` → `CASE_20250929_125453`.
 */
export function caseId(openedAt: Date): string {
  const iso = openedAt.toISOString();
  return `CASE_${iso.slice(0, 10).replace(/-/g, '')}_${iso.slice(11, 19).replace(/:/g, '')}`;
}

/** A new, empty case for a detection: active, no path, every pillar not started. */
export function newCase(id: string, detection: Detection, openedAt: Date): Case {
  return {
    id,
    createdAt: openedAt.toISOString(),
    status: 'active',
    detection,
    path: [],
    evidence: [],
    pillars: defaultPillars(),
    notes: [],
    mitigations: [],
    nextElement: 1,
  };
}
