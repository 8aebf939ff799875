import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_UNCONSUMED_BYTES, ReassemblyBudget, StreamReassembler, type StreamSink } from './reassembly.js';

const SYN = 0x02, FIN = 0x01, RST = 0x04;

/** Records what a reassembler delivers; consumes everything unless told otherwise. */
function recorder(consume: (data: Uint8Array) => number = (d) => d.length) {
  const chunks: number[] = [];
  const gaps: number[] = [];
  const weirds: string[] = [];
  const sink: StreamSink = {
    data(data) { const used = consume(data); for (let i = 0; i < used; i++) chunks.push(data[i]); return used; },
    gap(length) { gaps.push(length); },
    weird(name) { weirds.push(name); },
  };
  return { sink, chunks, gaps, weirds };
}

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function text(values: number[]): string {
  return new TextDecoder().decode(new Uint8Array(values));
}

describe('StreamReassembler', () => {
  it('delivers in-order data after the SYN, which consumes one sequence number', () => {
    const r = recorder();
    const s = new StreamReassembler(r.sink, new ReassemblyBudget());
    s.segment(1000, SYN, new Uint8Array(0), 0);
    s.segment(1001, 0, bytes('hello '), 0);
    s.segment(1007, FIN, bytes('world'), 0);
    expect(text(r.chunks)).toBe('hello world');
    expect(r.gaps).toEqual([]);
  });

  it('reorders segments and ignores retransmissions', () => {
    const r = recorder();
    const s = new StreamReassembler(r.sink, new ReassemblyBudget());
    s.segment(99, SYN, new Uint8Array(0), 0);
    s.segment(106, 0, bytes('world'), 0);
    s.segment(100, 0, bytes('hello '), 0);
    s.segment(100, 0, bytes('hello '), 0);
    expect(text(r.chunks)).toBe('hello world');
  });

  it('keeps first-seen bytes on inconsistent overlap and names the anomaly', () => {
    const r = recorder();
    const s = new StreamReassembler(r.sink, new ReassemblyBudget());
    s.segment(0, SYN, new Uint8Array(0), 0);
    s.segment(5, 0, bytes('EFGH'), 0);
    s.segment(4, 0, bytes('dXFG'), 0);
    s.segment(1, 0, bytes('abc'), 0);
    expect(text(r.chunks)).toBe('abcdEFGH');
    expect(r.weirds).toEqual(['tcp_overlap_mismatch']);
    const late = recorder();
    const t = new StreamReassembler(late.sink, new ReassemblyBudget());
    t.segment(0, SYN, new Uint8Array(0), 0);
    t.segment(3, 0, bytes('XY'), 0);
    t.segment(1, 0, bytes('abcd'), 0);
    expect(text(late.chunks)).toBe('abXY');
  });

  it('handles sequence numbers wrapping past 2^32', () => {
    const r = recorder();
    const s = new StreamReassembler(r.sink, new ReassemblyBudget());
    s.segment(0xfffffffa, SYN, new Uint8Array(0), 0);
    s.segment(0x00000001, 0, bytes('6789'), 0);
    s.segment(0xfffffffb, 0, bytes('012345'), 0);
    expect(text(r.chunks)).toBe('0123456789');
  });

  it('skips a hole on RST, counting missed bytes and reporting a gap', () => {
    const r = recorder();
    const budget = new ReassemblyBudget();
    const s = new StreamReassembler(r.sink, budget);
    s.segment(0, SYN, new Uint8Array(0), 0);
    s.segment(1, 0, bytes('ab'), 0);
    s.segment(8, 0, bytes('xy'), 0);
    expect(text(r.chunks)).toBe('ab');
    s.segment(10, RST, new Uint8Array(0), 0);
    expect(text(r.chunks)).toBe('abxy');
    expect(r.gaps).toEqual([5]);
    expect([budget.gaps, budget.gapBytes]).toEqual([1, 5]);
  });

  it('resynchronises when the out-of-order window overflows', () => {
    const r = recorder();
    const budget = new ReassemblyBudget(1000);
    const s = new StreamReassembler(r.sink, budget);
    s.segment(0, SYN, new Uint8Array(0), 0);
    s.segment(101, 0, new Uint8Array(600).fill(65), 0);
    s.segment(701, 0, new Uint8Array(600).fill(66), 0);
    expect(r.gaps).toEqual([100]);
    expect(r.chunks.length).toBe(1200);
    expect(r.weirds).toContain('tcp_reassembly_window_overflow');
    expect(budget.bufferedBytes).toBe(0);
  });

  it('re-offers unconsumed bytes with the next data, then reports a gap past the limit', () => {
    const offered: number[] = [];
    const r = recorder((d) => { offered.push(d.length); return d.length >= 6 ? 6 : 0; });
    const s = new StreamReassembler(r.sink, new ReassemblyBudget());
    s.segment(0, SYN, new Uint8Array(0), 0);
    s.segment(1, 0, bytes('abc'), 0);
    s.segment(4, 0, bytes('def'), 0);
    expect(offered).toEqual([3, 6]);
    expect(text(r.chunks)).toBe('abcdef');
    const never = recorder(() => 0);
    const t = new StreamReassembler(never.sink, new ReassemblyBudget());
    t.segment(0, SYN, new Uint8Array(0), 0);
    t.segment(1, 0, new Uint8Array(MAX_UNCONSUMED_BYTES), 0);
    t.segment(1 + MAX_UNCONSUMED_BYTES, 0, new Uint8Array(1), 0);
    expect(never.weirds).toContain('tcp_unconsumed_overflow');
    expect(never.gaps).toEqual([MAX_UNCONSUMED_BYTES + 1]);
  });

  it('property: any permutation with duplicates of the segments yields the original stream', () => {
    fc.assert(fc.property(
      fc.uint8Array({ minLength: 1, maxLength: 2000 }),
      fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 40 }),
      fc.array(fc.nat(), { maxLength: 60 }),
      fc.integer({ min: 0, max: 0xffffffff }),
      (stream, cuts, shuffle, isn) => {
        const segments: Array<[number, Uint8Array]> = [];
        let at = 0;
        for (let i = 0; at < stream.length; i++) {
          const len = cuts[i % cuts.length];
          segments.push([at, stream.subarray(at, at + len)]);
          at += len;
        }
        const order = [...segments];
        for (const pick of shuffle) order.push(segments[pick % segments.length]);
        for (let i = order.length - 1; i > 0; i--) {
          const j = (shuffle[i % Math.max(shuffle.length, 1)] ?? i) % (i + 1);
          [order[i], order[j]] = [order[j], order[i]];
        }
        const r = recorder();
        const s = new StreamReassembler(r.sink, new ReassemblyBudget());
        s.segment(isn, SYN, new Uint8Array(0), 0);
        for (const [offset, data] of order) s.segment((isn + 1 + offset) >>> 0, 0, data, 0);
        s.flush(0);
        expect(new Uint8Array(r.chunks)).toEqual(stream);
        expect(r.gaps).toEqual([]);
      },
    ));
  });
});

describe('StreamReassembler with the flow layer', () => {
  it('starts at a given data sequence so a first segment out of order is buffered', () => {
    const r = recorder();
    const s = new StreamReassembler(r.sink, new ReassemblyBudget());
    s.begin(101);
    s.segment(104, 0, bytes('def'), 0);
    s.segment(101, 0, bytes('abc'), 0);
    expect(text(r.chunks)).toBe('abcdef');
  });

  it('reports a payload cut by the snap length as a gap after its captured part', () => {
    const r = recorder();
    const s = new StreamReassembler(r.sink, new ReassemblyBudget());
    s.segment(1, 0, bytes('ab'), 0, 8);
    s.segment(11, 0, bytes('cd'), 0);
    expect(text(r.chunks)).toBe('abcd');
    expect(r.gaps).toEqual([8]);
  });

  it('offers held bytes again on request', () => {
    let accept = false;
    const r = recorder((d) => (accept ? d.length : 0));
    const s = new StreamReassembler(r.sink, new ReassemblyBudget());
    s.segment(1, 0, bytes('held'), 0);
    expect(r.chunks).toEqual([]);
    accept = true;
    s.redeliver(0);
    expect(text(r.chunks)).toBe('held');
  });
});
