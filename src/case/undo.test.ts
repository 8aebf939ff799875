import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from './model.js';
import { newCase } from './new-case.js';
import { insertElement } from './path.js';
import { arbitraryElement } from './testing/arbitraries.js';
import { SQLI_DETECTION } from './testing/fixtures.js';
import { undoState, type TimelineEntry } from './undo.js';

type Step = { kind: 'edit'; element: ReturnType<typeof arbitraryElement.generate>['value'] } | { kind: 'undo' } | { kind: 'redo' };

const step: fc.Arbitrary<Step> = fc.oneof(
  arbitraryElement.map((element) => ({ kind: 'edit' as const, element })),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

/**
 * Applies steps the way CaseStore does (undo/redo write the restored document
 * as a new log entry) and, beside it, the way an editor's stack model does.
 */
function replay(steps: readonly Step[]): { log: Case; model: Case; initial: Case } {
  const initial = newCase('CASE_U', SQLI_DETECTION, new Date(0));
  const entries: TimelineEntry[] = [{ action: 'create', before: null, after: initial }];
  let doc = initial;
  const history: Case[] = [initial];
  let position = 0;
  for (const s of steps) {
    if (s.kind === 'edit') {
      const next = insertElement(doc, doc.path.length + 1, s.element);
      entries.push({ action: 'edit', before: doc, after: next });
      doc = next;
      history.splice(position + 1, Infinity, next);
      position += 1;
    } else {
      const target = undoState(entries)[s.kind];
      if (target) {
        entries.push({ action: s.kind, before: doc, after: target });
        doc = target;
      }
      position = s.kind === 'undo' ? Math.max(0, position - 1) : Math.min(history.length - 1, position + 1);
    }
  }
  return { log: doc, model: history[position], initial };
}

describe('undo/redo over the change log', () => {
  it('matches a linear undo history for any sequence of edits, undos and redos', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
      const { log, model } = replay(steps);
      expect(log).toEqual(model);
    }));
  });

  it('undoing every edit returns the created case, and redoing them all returns the last', () => {
    fc.assert(fc.property(fc.array(arbitraryElement, { minLength: 1, maxLength: 10 }), (elements) => {
      const edits: Step[] = elements.map((element) => ({ kind: 'edit', element }));
      const undos: Step[] = elements.map(() => ({ kind: 'undo' }));
      const redos: Step[] = elements.map(() => ({ kind: 'redo' }));
      const { log, initial } = replay([...edits, ...undos, { kind: 'undo' }]);
      expect(log).toEqual(initial);
      expect(replay([...edits, ...undos, ...redos]).log).toEqual(replay(edits).log);
    }));
  });
});
