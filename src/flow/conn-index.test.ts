import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnIndex } from './conn-index.js';
import { FlowKey } from './flow-key.js';
import { udp } from './testing/crafted.js';

describe('ConnIndex', () => {
  it('finds the same connection from either direction', () => {
    const index = new ConnIndex(8);
    const key = new FlowKey();
    key.fill(udp('10.0.0.1:1000', '10.0.0.2:53', 1));
    index.insert(3, key);
    key.fill(udp('10.0.0.2:53', '10.0.0.1:1000', 1));
    expect(index.find(key)).toBe(3);
    key.fill(udp('10.0.0.2:53', '10.0.0.1:1001', 1));
    expect(index.find(key)).toBe(-1);
  });

  it('agrees with a Map under random inserts and removals (backward-shift deletion keeps every run reachable)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 })), { maxLength: 300 }), (ops) => {
      const slots = 64;
      const index = new ConnIndex(slots);
      const model = new Map<number, number>();
      const key = new FlowKey();
      const fill = (n: number) => key.fill(udp(`10.0.${n >> 8}.${n & 255}:${1000 + n}`, '10.9.9.9:53', 0));
      let nextSlot = 0;
      for (const [insert, n] of ops) {
        fill(n);
        if (insert && !model.has(n) && model.size < slots) {
          const slot = nextSlot++ % slots;
          if ([...model.values()].includes(slot)) continue;
          index.insert(slot, key);
          model.set(n, slot);
        } else if (!insert && model.has(n)) {
          index.remove(model.get(n) as number);
          model.delete(n);
        }
        for (let m = 0; m <= 40; m++) {
          fill(m);
          expect(index.find(key)).toBe(model.get(m) ?? -1);
        }
      }
    }), { numRuns: 100 });
  });
});
