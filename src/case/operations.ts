import { NotFoundError } from './errors.js';
import type { Case } from './model.js';
import { findElement, insertElement, removeElement, updateElement, type NewElement } from './path.js';

/** A change to a case document, applied by CaseStore.update to the latest version. */
export type CaseChange = (doc: Case) => Case;

/** Adds an element at insert point `at` (default: last, just before the destination). */
export function addElement(element: NewElement, at?: number): CaseChange {
  return (doc) => insertElement(doc, at ?? doc.path.length + 1, element);
}

function indexOf(doc: Case, ref: string): number {
  const index = findElement(doc, ref);
  if (index < 0) throw new NotFoundError(`case ${doc.id} has no element "${ref}"`);
  return index;
}

/** Changes fields of an element given by id (`el-2`) or position (`2`). */
export function editElement(ref: string, changes: Partial<NewElement>): CaseChange {
  return (doc) => updateElement(doc, indexOf(doc, ref), changes);
}

/** Removes an element given by id or position. */
export function deleteElement(ref: string): CaseChange {
  return (doc) => removeElement(doc, indexOf(doc, ref));
}
