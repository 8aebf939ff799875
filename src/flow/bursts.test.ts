import { describe, expect, it } from 'vitest';
import { corpus } from '../../test/helpers/corpus.js';
import { BURST_GAP_S, MAX_BURSTS, burstColumns, noteOrigData } from './bursts.js';
import { Conn } from './conn.js';
import { FlowKey } from './flow-key.js';
import { newDecodedPacket } from '../decode/packet.js';
import { trackCapture, tshark } from './testing/track-capture.js';

/**
 * Oracle: the originator's data packets as tshark lists them (`-Y`), grouped into bursts by the same
 * rule (data after more than BURST_GAP_S of the originator's silence), as offsets from the first packet.
 */
function tsharkBursts(file: string, filter: string): number[] {
  const times = tshark(corpus(file), ['-Y', filter, '-T', 'fields', '-e', 'frame.time_epoch']).trim().split('\n').map(Number);
  const offsets: number[] = [];
  let last = -Infinity;
  for (const t of times) {
    if (t - last > BURST_GAP_S) offsets.push(t);
    last = t;
  }
  return offsets;
}

/** Asserts the record's burst times equal tshark's to the microsecond (offsets are rounded to µs). */
function expectSameTimes(ts: number, bursts: number[] | null, expected: number[]): void {
  expect(bursts).toHaveLength(expected.length);
  bursts!.forEach((offset, i) => expect(Math.abs(ts + offset - expected[i])).toBeLessThan(2e-6));
}

describe('originator bursts', () => {
  it('finds Merlin C2’s 15 s check-ins inside its one QUIC flow, as tshark’s packet times say', async () => {
    const { records } = await trackCapture(corpus('pcaps/c2/zeek_merlinc2_quic.pcapng'));
    expect(records).toHaveLength(1);
    const offsets = tsharkBursts('pcaps/c2/zeek_merlinc2_quic.pcapng', 'ip.src == 10.0.0.4 && udp.length > 9');
    const record = records[0];
    expectSameTimes(record.ts, record.bursts, offsets);
    expect(record.bursts).toHaveLength(14);
    expect(record.burst_bytes!.reduce((a, b) => a + b, 0)).toBe(record.orig_ip_bytes);
  });

  it('finds the RAT’s 10 s heartbeat in its control connection (TCP data, not keep-alive ACKs)', async () => {
    const { records } = await trackCapture(corpus('pcaps/c2/chrissanders_ratinfected.pcapng'));
    const control = records.find((r) => r.id_orig_p === 6641)!;
    const offsets = tsharkBursts('pcaps/c2/chrissanders_ratinfected.pcapng', 'tcp.srcport == 6641 && tcp.len > 1');
    expectSameTimes(control.ts, control.bursts, offsets);
    const intervals = control.bursts!.slice(2).map((o, i) => o - control.bursts![i + 1]);
    for (const gap of intervals) expect(gap).toBeCloseTo(10, 1);
    // Connections with fewer than three bursts record none.
    expect(records.filter((r) => r.bursts === null).length).toBeGreaterThan(0);
  });

  it('keeps the first MAX_BURSTS bursts and still sums each one’s bytes right', () => {
    const pkt = newDecodedPacket();
    const key = new FlowKey();
    const conn = new Conn('C1', pkt, key, 1000);
    for (let i = 0; i < MAX_BURSTS + 10; i++) {
      noteOrigData(conn, 1000 + i * 5);
      conn.origIpBytes += 100;
      noteOrigData(conn, 1000 + i * 5 + 0.5);
      conn.origIpBytes += 50;
    }
    const { bursts, burst_bytes } = burstColumns(conn);
    expect(bursts).toHaveLength(MAX_BURSTS);
    expect(bursts![MAX_BURSTS - 1]).toBe((MAX_BURSTS - 1) * 5);
    expect(new Set(burst_bytes)).toEqual(new Set([150]));
  });
});
