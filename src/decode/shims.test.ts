import { describe, expect, it } from 'vitest';
import { newDecodedPacket } from './packet.js';
import { decodeShims } from './shims.js';

describe('decodeShims', () => {
  it('returns the offset unchanged for a network-layer EtherType', () => {
    const out = newDecodedPacket();
    out.etherType = 0x0800;
    expect(decodeShims(new Uint8Array(20), 14, 20, out)).toBe(14);
  });

  it('crosses a VLAN tag then an MPLS label', () => {
    const out = newDecodedPacket();
    out.etherType = 0x8100;
    const bytes = Uint8Array.from([0x00, 0x07, 0x88, 0x47, 0x00, 0x01, 0x01, 0x40, 0x45]);
    expect(decodeShims(bytes, 0, bytes.length, out)).toBe(8);
    expect([out.vlan, out.mplsLabels, out.etherType]).toEqual([7, 1, 0x0800]);
  });

  it('stops a frame made only of tags with excessive_link_headers', () => {
    const out = newDecodedPacket();
    out.etherType = 0x8100;
    const bytes = new Uint8Array(4 * 9);
    for (let o = 0; o < bytes.length; o += 4) bytes.set([0x00, 0x01, 0x81, 0x00], o);
    expect(decodeShims(bytes, 0, bytes.length, out)).toBeLessThan(0);
    expect(out.anomaly).toBe('excessive_link_headers');
  });
});
