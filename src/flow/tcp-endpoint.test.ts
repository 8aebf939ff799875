import { describe, expect, it } from 'vitest';
import { seqDelta } from './tcp-endpoint.js';
import { tcp, track } from './testing/crafted.js';

const C = '10.0.0.1:40000', S = '10.0.0.2:80';

describe('TCP sizes from the sequence space', () => {
  it('seqDelta is signed on the 32-bit circle', () => {
    expect(seqDelta(5, 0xfffffffb)).toBe(10);
    expect(seqDelta(0xfffffffb, 5)).toBe(-10);
  });

  it('counts bytes across a sequence-number wrap', () => {
    const isn = 0xffffffc0;
    const { records } = track([
      [0, tcp(C, S, 'S', isn, 0)], [0.1, tcp(S, C, 'SA', 9, isn + 1)], [0.2, tcp(C, S, 'A', isn + 1, 10)],
      [0.3, tcp(C, S, 'PA', isn + 1, 10, 100)], [0.4, tcp(C, S, 'PA', isn + 101, 10, 100)], [0.5, tcp(S, C, 'A', 10, isn + 201)],
    ]);
    expect(records[0]).toMatchObject({ orig_bytes: 200, resp_bytes: 0, missed_bytes: 0 });
  });

  it('stays exact beyond 4 GB by counting wraps', () => {
    const chunk = 1_500_000_000;
    const pkts: [number, ReturnType<typeof tcp>][] = [[0, tcp(C, S, 'S', 0, 0)], [0.1, tcp(S, C, 'SA', 9, 1)], [0.2, tcp(C, S, 'A', 1, 10)]];
    for (let i = 0; i < 3; i++) pkts.push([1 + i, tcp(C, S, 'PA', 1 + i * chunk, 10, chunk)]);
    const { records } = track(pkts);
    expect(records[0].orig_bytes).toBe(3 * chunk);
  });

  it('takes the size from acknowledgements when data was not captured, as Zeek does', () => {
    const { records } = track([
      [0, tcp(C, S, 'S', 100, 0)], [0.1, tcp(S, C, 'SA', 9, 101)], [0.2, tcp(C, S, 'A', 101, 10)],
      [0.3, tcp(S, C, 'A', 10, 601)],
    ]);
    expect(records[0]).toMatchObject({ orig_bytes: 500, missed_bytes: 500 });
  });
});
