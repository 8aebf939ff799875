import { describe, expect, it } from 'vitest';
import { assembleDatagram, type PendingDatagram } from './fragment-assembly.js';

function pending(fragments: [number, string][], totalLength: number, header: number[] | null): PendingDatagram {
  return {
    firstSeen: 0, totalLength, header: header === null ? null : Uint8Array.from(header),
    fragments: fragments.map(([offset, text]) => ({ offset, data: new TextEncoder().encode(text) })),
  };
}

const IPV4_HEADER = [0x45, 0, 0, 0, 0x12, 0x34, 0x60, 0x01, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2];

describe('assembleDatagram', () => {
  it('waits for the header, the last fragment and every byte between', () => {
    expect(assembleDatagram(pending([[8, 'BBBBBBBB']], 16, null), 4)).toBeNull();
    expect(assembleDatagram(pending([[0, 'AAAAAAAA']], -1, IPV4_HEADER), 4)).toBeNull();
    expect(assembleDatagram(pending([[0, 'AAAAAAAA'], [16, 'CCCCCCCC']], 24, IPV4_HEADER), 4)).toBeNull();
  });

  it('rebuilds IPv4: total length patched, fragment fields cleared but DF kept, first bytes win', () => {
    const whole = assembleDatagram(pending([[0, 'AAAAAAAA'], [8, 'BBBBBBBB'], [4, 'xxxxxxxx']], 16, IPV4_HEADER), 4);
    expect(whole).not.toBeNull();
    expect(Array.from(whole!.subarray(0, 8))).toEqual([0x45, 0, 0, 36, 0x12, 0x34, 0x40, 0]);
    expect(new TextDecoder().decode(whole!.subarray(20))).toBe('AAAAAAAABBBBBBBB');
  });

  it('rebuilds IPv6: payload length patched, fragment header made atomic', () => {
    const header = [0x60, 0, 0, 0, 0, 16, 44, 64, ...new Array(32).fill(0), 17, 0, 0x00, 0x09, 0, 0, 0xca, 0xfe];
    const whole = assembleDatagram(pending([[0, 'AAAAAAAA'], [8, 'BBBBBBBB']], 16, header), 6);
    expect(Array.from(whole!.subarray(4, 6))).toEqual([0, 24]);
    expect(Array.from(whole!.subarray(40, 48))).toEqual([17, 0, 0, 0, 0, 0, 0xca, 0xfe]);
  });

  it('ignores bytes an early fragment put past the final length', () => {
    const whole = assembleDatagram(pending([[0, 'AAAAAAAA'], [8, 'BBBBBBBBZZZZ'], [32, 'QQQQQQQQ']], 16, IPV4_HEADER), 4);
    expect(new TextDecoder().decode(whole!.subarray(20))).toBe('AAAAAAAABBBBBBBB');
  });
});
