import type { StoredCase } from '../model.js';
import { movementCounts, subPaths } from '../path.js';

/** The case as a JSON report: the document, its version, the movement counts and the sub-paths (element ids). */
export function jsonReport(stored: StoredCase): string {
  const report = {
    ...stored,
    summary: movementCounts(stored.case.path),
    subPaths: subPaths(stored.case.path).map((part) => part.map((e) => e.id)),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
