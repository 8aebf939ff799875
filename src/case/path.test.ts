import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from './model.js';
import { newCase } from './new-case.js';
import { findElement, insertElement, movementCounts, removeElement, subPaths } from './path.js';
import { arbitraryElement } from './testing/arbitraries.js';
import { SQLI_DETECTION } from './testing/fixtures.js';

const empty = newCase('CASE_T', SQLI_DETECTION, new Date(0));

/** Inserts each element at an insert point chosen from `points` (scaled into range). */
function build(steps: ReadonlyArray<[number, ReturnType<typeof arbitraryElement.generate>['value']]>): Case {
  return steps.reduce((doc, [point, element]) => insertElement(doc, 1 + (point % (doc.path.length + 1)), element), empty);
}

const steps = fc.array(fc.tuple(fc.nat(), arbitraryElement), { maxLength: 20 });

describe('path insertion', () => {
  it('puts the element exactly at the insert point and keeps the others in order', () => {
    fc.assert(fc.property(steps, fc.nat(), arbitraryElement, (s, point, element) => {
      const before = build(s);
      const at = 1 + (point % (before.path.length + 1));
      const after = insertElement(before, at, element);
      expect(after.path).toHaveLength(before.path.length + 1);
      expect(after.path[at - 1]).toMatchObject(element);
      expect(after.path.filter((_, i) => i !== at - 1)).toEqual(before.path);
    }));
  });

  it('gives every element a unique id that is never reused after removals', () => {
    fc.assert(fc.property(steps, fc.array(fc.nat(), { maxLength: 10 }), arbitraryElement, (s, removals, element) => {
      let doc = build(s);
      const seen = new Set(doc.path.map((e) => e.id));
      expect(seen.size).toBe(doc.path.length);
      for (const r of removals) if (doc.path.length > 0) doc = removeElement(doc, r % doc.path.length);
      const added = insertElement(doc, 1, element).path[0].id;
      expect(seen.has(added)).toBe(false);
    }));
  });

  it('cuts sub-paths at pivots only, keeping every element once, and counts each movement', () => {
    fc.assert(fc.property(steps, (s) => {
      const { path } = build(s);
      const parts = subPaths(path);
      expect(parts.flat()).toEqual(path);
      parts.slice(1).forEach((part) => expect(part[0].movement).toBe('pivot'));
      parts.forEach((part) => part.slice(1).forEach((e) => expect(e.movement).not.toBe('pivot')));
      const counts = movementCounts(path);
      expect(counts.direct + counts.lateral + counts.pivot).toBe(path.length);
    }));
  });

  it('rejects insert points outside 1..length+1 and finds elements by id or position', () => {
    const one = insertElement(empty, 1, { type: 'router', name: 'r', movement: 'direct', sourceFacts: [], destinationFacts: [] });
    expect(() => insertElement(one, 0, one.path[0])).toThrow(RangeError);
    expect(() => insertElement(one, 3, one.path[0])).toThrow(RangeError);
    expect(() => insertElement(one, 1.5, one.path[0])).toThrow(RangeError);
    expect(findElement(one, 'el-1')).toBe(0);
    expect(findElement(one, '1')).toBe(0);
    expect(findElement(one, '2')).toBe(-1);
  });
});
