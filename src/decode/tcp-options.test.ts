import { describe, expect, it } from 'vitest';
import { hexBytes } from './testing/frames.js';
import { newDecodedPacket } from './packet.js';
import { decodeTcpOptions } from './tcp-options.js';

function options(hex: string) {
  const bytes = hexBytes(hex);
  const out = newDecodedPacket();
  decodeTcpOptions(bytes, 0, bytes.length, out);
  return out;
}

describe('decodeTcpOptions', () => {
  it('reads MSS, SACK-permitted, timestamps, NOP and window scale', () => {
    // options [mss 1460,sackOK,TS val 1828788 ecr 0,nop,wscale 7]
    const p = options('020405b40402080a001be7b40000000001030307');
    expect([p.mss, p.sackPermitted, p.tsVal, p.tsEcr, p.windowScale, p.anomaly]).toEqual([1460, true, 1828788, 0, 7, '']);
  });

  it('counts SACK blocks', () => {
    // options [nop,nop,sack 2 {1000:2000}{3000:4000}]
    expect(options('0101051200000' + '3e8000007d000000bb800000fa0').sackBlocks).toBe(2);
  });

  it('stops at end-of-options and skips unknown kinds by their length', () => {
    const p = options('1e0400000204' + '05b4' + '00' + '020405b4');
    expect([p.mss, p.anomaly]).toEqual([1460, '']);
    expect(options('00020405b4').mss).toBe(-1);
  });

  it.each([
    ['length below 2', '0201'],
    ['length past the header', '02080000'],
    ['wrong length for MSS', '02050000ff'],
    ['SACK not a whole number of blocks', '050600000000'],
    ['kind without room for a length', '0101010102'],
  ])('notes bad_tcp_option_length for %s, keeping options read before', (_case, hex) => {
    const p = options('03030e' + hex);
    expect([p.windowScale, p.anomaly]).toEqual([14, 'bad_tcp_option_length']);
  });
});
