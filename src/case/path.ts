import type { Case, PathElement } from './model.js';

/** An element as given by the investigator, before the case assigns its id. */
export type NewElement = Omit<PathElement, 'id'>;

/** Most elements one case path may hold (a path is typed by hand; this bounds every loop over it). */
export const MAX_PATH_ELEMENTS = 500;

/**
 * Inserts an element at insert point `at` (1 = right after the source,
 * `path.length + 1` = right before the destination), as the original's
 * numbered insert points. Returns a new case; the input is not changed.
 * @throws RangeError when `at` is not an insert point or the path is full.
 */
export function insertElement(doc: Case, at: number, element: NewElement): Case {
  if (!Number.isInteger(at) || at < 1 || at > doc.path.length + 1) throw new RangeError(`insert point ${at} does not exist (1..${doc.path.length + 1})`);
  if (doc.path.length >= MAX_PATH_ELEMENTS) throw new RangeError(`a path holds at most ${MAX_PATH_ELEMENTS} elements`);
  const placed: PathElement = { ...element, id: `el-${doc.nextElement}` };
  const path = [...doc.path.slice(0, at - 1), placed, ...doc.path.slice(at - 1)];
  return { ...doc, path, nextElement: doc.nextElement + 1 };
}

/** Position (0-based) of an element given by id (`el-3`) or 1-based position (`3`); -1 when absent. */
export function findElement(doc: Case, ref: string): number {
  const byId = doc.path.findIndex((e) => e.id === ref);
  if (byId >= 0 || !/^\d+$/.test(ref)) return byId;
  const position = Number(ref) - 1;
  return position < doc.path.length ? position : -1;
}

/** The case without the element at `index` (0-based). */
export function removeElement(doc: Case, index: number): Case {
  return { ...doc, path: doc.path.filter((_, i) => i !== index) };
}

/** The case with the element at `index` (0-based) changed by `changes` (its id is kept). */
export function updateElement(doc: Case, index: number, changes: Partial<NewElement>): Case {
  return { ...doc, path: doc.path.map((e, i) => (i === index ? { ...e, ...changes, id: e.id } : e)) };
}

/** The path cut into sub-paths: each pivot element starts a new one. */
export function subPaths(path: readonly PathElement[]): PathElement[][] {
  const parts: PathElement[][] = [[]];
  for (const element of path) {
    if (element.movement === 'pivot' && parts[parts.length - 1].length > 0) parts.push([]);
    parts[parts.length - 1].push(element);
  }
  return parts;
}

/** The original's analysis summary: how many elements were crossed each way. */
export interface MovementCounts { direct: number; lateral: number; pivot: number }

/** Counts direct traversals, lateral movements and pivot points on the path. */
export function movementCounts(path: readonly PathElement[]): MovementCounts {
  const counts: MovementCounts = { direct: 0, lateral: 0, pivot: 0 };
  for (const element of path) counts[element.movement] += 1;
  return counts;
}
