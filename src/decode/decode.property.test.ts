import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecodedPacket } from './packet.js';
import { buildPacket, packetSpec, type PacketSpec } from './testing/packet-builder.js';
import { decodeFrame, saneOutput } from './testing/frames.js';

/** Every link type with a decoder, and one without. */
const LINK_TYPES = [0, 1, 12, 14, 101, 108, 113, 228, 229, 239, 276, 147];

function words(bytes: number[], version: number): number[] {
  if (version === 4) return [0, 0, 0xffff, ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0];
  return [0, 4, 8, 12].map((i) => ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0);
}

function expectBuilt(p: DecodedPacket, s: PacketSpec): void {
  expect(p.anomaly).toBe('');
  expect([p.ipVersion, p.ttl, p.tunnelDepth]).toEqual([s.version, s.ttl, s.tunnel === 0 ? 0 : 1]);
  expect(Array.from(p.src)).toEqual(words(s.src, s.version));
  expect(Array.from(p.dst)).toEqual(words(s.dst, s.version));
  if (s.link === 'ethernet') {
    expect([p.vlan, p.innerVlan, p.mplsLabels]).toEqual([s.vlans[0] ?? -1, s.vlans[1] ?? -1, s.mplsLabels]);
  }
  if (s.transport === 'icmp') expect([p.icmpType, p.icmpCode]).toEqual([s.icmpType, s.icmpCode]);
  else expect([p.srcPort, p.dstPort]).toEqual([s.srcPort, s.dstPort]);
  if (s.transport === 'tcp') {
    expect([p.seq, p.ack, p.tcpFlags, p.window]).toEqual([s.seq, s.ack, s.flags, s.window]);
    expect([p.mss, p.windowScale, p.tsVal, p.tsEcr]).toEqual([s.mss, s.windowScale, s.tsVal, s.tsVal >= 0 ? s.tsEcr : -1]);
  }
  expect(Array.from(p.data.subarray(p.payloadOffset, p.payloadOffset + p.payloadLength))).toEqual(s.payload);
}

describe('decoder properties', () => {
  it('random bytes on every link type never throw and stay in bounds', () => {
    fc.assert(fc.property(fc.constantFrom(...LINK_TYPES), fc.uint8Array({ maxLength: 200 }), (linkType, bytes) => {
      return saneOutput(decodeFrame(bytes, { linkType }));
    }), { numRuns: 2000 });
  });

  it('generated valid packets decode to the fields they were built with', () => {
    fc.assert(fc.property(packetSpec, (spec) => {
      const { bytes, linkType } = buildPacket(spec);
      expectBuilt(decodeFrame(bytes, { linkType }), spec);
    }), { numRuns: 1000 });
  });

  it('every cut of a valid packet decodes without throwing, keeping what was captured', () => {
    fc.assert(fc.property(packetSpec, fc.nat(), (spec, cutAt) => {
      const { bytes, linkType } = buildPacket(spec);
      return saneOutput(decodeFrame(bytes.subarray(0, cutAt % (bytes.length + 1)), { linkType }));
    }), { numRuns: 1000 });
  });
});
