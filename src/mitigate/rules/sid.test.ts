import { describe, expect, it } from 'vitest';
import { assignSids, SID_MAX, SID_MIN } from './sid.js';

describe('assignSids', () => {
  it('is deterministic whatever the order, inside the local range, without collisions', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `in:10.${i >> 8}.${i & 255}.1`);
    const a = assignSids(keys);
    const b = assignSids([...keys].reverse());
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    const sids = [...a.values()];
    expect(new Set(sids).size).toBe(keys.length);
    expect(Math.min(...sids)).toBeGreaterThanOrEqual(SID_MIN);
    expect(Math.max(...sids)).toBeLessThanOrEqual(SID_MAX);
  });

  it('gives a key the same sid in a different set unless another key took it', () => {
    expect(assignSids(['dns:a.example']).get('dns:a.example')).toBe(assignSids(['dns:a.example', 'dns:b.example']).get('dns:a.example'));
  });
});
