import type { Case } from './model.js';

/** One recorded change: its action name and the document before and after it. */
export interface TimelineEntry { action: string; before: Case | null; after: Case | null }

/** What undo and redo would restore now (absent when there is nothing to undo or redo). */
export interface UndoState { undo?: Case; redo?: Case }

/**
 * Replays a case's change log (oldest first) as an editor's undo/redo stacks:
 * an edit pushes on the undo stack and clears redo, `undo` moves the top
 * change to the redo stack, `redo` moves it back. The case's creation
 * (no `before`) cannot be undone.
 */
export function undoState(entries: readonly TimelineEntry[]): UndoState {
  const done: TimelineEntry[] = [];
  const undone: TimelineEntry[] = [];
  for (const entry of entries) {
    if (entry.action === 'undo') {
      const moved = done.pop();
      if (moved) undone.push(moved);
    } else if (entry.action === 'redo') {
      const moved = undone.pop();
      if (moved) done.push(moved);
    } else if (entry.before) {
      done.push(entry);
      undone.length = 0;
    }
  }
  return { undo: done.at(-1)?.before ?? undefined, redo: undone.at(-1)?.after ?? undefined };
}
