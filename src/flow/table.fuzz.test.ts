import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecodedPacket } from '../decode/packet.js';
import { icmp, tcp, track, udp } from './testing/crafted.js';

const FUZZ_MS = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;
const HOSTS = ['10.0.0.1', '10.0.0.2', '93.184.216.34', '8.8.8.8'];
const HOSTS6 = ['2001:db8::1', 'fe80::2', '2001:db8::3', '::1'];
const PORTS = [53, 80, 443, 1024, 40000, 65535];
const CONN_STATES = new Set(['S0', 'S1', 'SF', 'REJ', 'S2', 'S3', 'RSTO', 'RSTR', 'RSTOS0', 'RSTRH', 'SH', 'SHR', 'OTH']);

/** One random packet: any protocol, any flags, sequence numbers near a few bases or anywhere. */
const packetArb = fc.record({
  kind: fc.constantFrom('tcp', 'tcp', 'tcp', 'udp', 'icmp'),
  v6: fc.boolean(),
  from: fc.nat(3), to: fc.nat(3), sport: fc.constantFrom(...PORTS), dport: fc.constantFrom(...PORTS),
  flags: fc.nat(0xff), seq: fc.oneof(fc.nat(3000), fc.constant(0xfffffff0), fc.nat(0xffffffff)), ack: fc.oneof(fc.nat(3000), fc.nat(0xffffffff)),
  payload: fc.nat(1460), window: fc.oneof(fc.constant(0), fc.nat(65535)), icmpType: fc.nat(255), icmpCode: fc.nat(255),
  dt: fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true })),
  broken: fc.nat(20),
});

type PacketSpec = typeof packetArb extends fc.Arbitrary<infer T> ? T : never;

function build(p: PacketSpec): DecodedPacket {
  const hosts = p.v6 ? HOSTS6 : HOSTS;
  const at = (h: string, port: number) => (p.v6 ? `[${h}]:${port}` : `${h}:${port}`);
  let pkt: DecodedPacket;
  if (p.kind === 'icmp') pkt = icmp(hosts[p.from], hosts[p.to], p.icmpType, p.icmpCode, p.payload);
  else if (p.kind === 'udp') pkt = udp(at(hosts[p.from], p.sport), at(hosts[p.to], p.dport), p.payload);
  else {
    pkt = tcp(at(hosts[p.from], p.sport), at(hosts[p.to], p.dport), '', p.seq, p.ack, p.payload, p.window);
    pkt.tcpFlags = p.flags;
  }
  if (p.broken === 0) pkt.payloadOffset = 0;
  return pkt;
}

describe('FlowTable under random packet sequences', () => {
  it('never throws, conserves packets and IP bytes, and emits sane records', () => {
    fc.assert(fc.property(fc.array(packetArb, { maxLength: 200 }), fc.constantFrom(2, 8, 1000), (specs, budget) => {
      let ts = 1_600_000_000;
      const timed: [number, DecodedPacket][] = specs.map((s) => [(ts += s.dt), build(s)]);
      const counted = timed.filter(([, p]) => p.payloadOffset > p.ipOffset);
      const { records, table } = track(timed, { maxConnections: budget });
      const stats = table.stats();
      expect(records.reduce((n, r) => n + r.orig_pkts + r.resp_pkts, 0)).toBe(counted.length);
      expect(records.reduce((n, r) => n + r.orig_ip_bytes + r.resp_ip_bytes, 0)).toBe(counted.reduce((n, [, p]) => n + p.ipTotalLength, 0));
      expect(stats).toMatchObject({ packets: counted.length, active: 0, emitted: records.length, created: records.length });
      expect(stats.timedOut + stats.closed + stats.reused + stats.evicted + stats.flushed).toBe(records.length);
      expect(new Set(records.map((r) => r.uid)).size).toBe(records.length);
      for (const r of records) {
        expect(CONN_STATES.has(r.conn_state)).toBe(true);
        expect(r.history ?? '').toMatch(/^[\^ShHaAdDfFrRtTwWgGiIqQ]*$/);
        expect(r.duration ?? 0).toBeGreaterThanOrEqual(0);
        expect(r.orig_bytes ?? 0).toBeGreaterThanOrEqual(0);
        expect(r.resp_bytes ?? 0).toBeGreaterThanOrEqual(0);
        expect(r.missed_bytes).toBeGreaterThanOrEqual(0);
      }
    }), { interruptAfterTimeLimit: FUZZ_MS, numRuns: 1_000_000 });
  });
});
