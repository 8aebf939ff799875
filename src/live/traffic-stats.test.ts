import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newDecodedPacket, type DecodedPacket } from '../decode/packet.js';
import { MAX_TALKERS_PER_SECOND, TOP_TALKERS, TrafficStats, WINDOW_SECONDS } from './traffic-stats.js';

const T0 = 1_700_000_000;

function ipv4(src: number, proto: number): DecodedPacket {
  const p = newDecodedPacket();
  p.ipVersion = 4;
  p.ipProto = proto;
  p.src.set([0, 0, 0xffff, src]);
  return p;
}

describe('TrafficStats', () => {
  it('gives rates, protocol mix and top talkers over the window', () => {
    const stats = new TrafficStats();
    const a = ipv4(0x0a000001, 6), b = ipv4(0x0a000002, 17), arp = newDecodedPacket();
    for (let s = 0; s < 4; s++) {
      stats.add(T0 + s + 0.1, 1000, a);
      stats.add(T0 + s + 0.2, 100, b);
      stats.add(T0 + s + 0.3, 60, arp);
    }
    const tick = stats.snapshot(T0 + 3.5);
    expect(tick).toMatchObject({ windowSeconds: 4, packetsPerSec: 3, bytesPerSec: 1160, protocols: { tcp: 4, udp: 4, non_ip: 4 }, totalPackets: 12 });
    expect(tick.topTalkers).toEqual([{ ip: '10.0.0.1', packets: 4, bytes: 4000 }, { ip: '10.0.0.2', packets: 4, bytes: 400 }]);
  });

  it('forgets seconds that slid out of the window but keeps the totals', () => {
    const stats = new TrafficStats();
    stats.add(T0, 500, ipv4(1, 6));
    stats.add(T0 + WINDOW_SECONDS + 2, 100, ipv4(2, 1));
    const tick = stats.snapshot(T0 + WINDOW_SECONDS + 2);
    expect(tick.protocols).toEqual({ icmp: 1 });
    expect(tick.topTalkers.map((t) => t.ip)).toEqual(['0.0.0.2']);
    expect(tick.totalBytes).toBe(600);
  });

  it('bounds the talkers of a spoofed-source flood and lists only the top ones', () => {
    const stats = new TrafficStats();
    for (let i = 0; i < MAX_TALKERS_PER_SECOND * 2; i++) stats.add(T0, 64 + (i % 7), ipv4(i + 1, 17));
    const tick = stats.snapshot(T0);
    expect(tick.totalPackets).toBe(MAX_TALKERS_PER_SECOND * 2);
    expect(tick.topTalkers).toHaveLength(TOP_TALKERS);
    expect(tick.topTalkers.every((t) => t.bytes === 70)).toBe(true);
  });

  it('window sums never exceed the totals and rates are finite (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 50 })), { maxLength: 200, size: 'large' }), (packets) => {
      const stats = new TrafficStats();
      let last = T0;
      for (const [offset, bytes, src] of packets) {
        last = Math.max(last, T0 + offset);
        stats.add(last, bytes, ipv4(src, 6));
      }
      const tick = stats.snapshot(last);
      const windowPackets = tick.packetsPerSec * tick.windowSeconds;
      expect(Number.isFinite(tick.bytesPerSec)).toBe(true);
      expect(windowPackets).toBeLessThanOrEqual(tick.totalPackets + 1e-9);
      const listed = tick.topTalkers.reduce((n, t) => n + t.packets, 0);
      expect(listed).toBeLessThanOrEqual(windowPackets + 1e-9);
      if (tick.topTalkers.length < TOP_TALKERS) expect(listed).toBeCloseTo(windowPackets, 6);
    }));
  });
});
