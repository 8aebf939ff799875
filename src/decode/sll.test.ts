import { describe, expect, it } from 'vitest';
import { formatAddress, formatMac } from './address.js';
import { decodeFrame, hexBytes } from './testing/frames.js';

const SLL = 113, SLL2 = 276;
// B cc:2d:e0:26:19:99 ethertype ARP (0x0806), length 62: Request who-has 192.168.22.160 tell 192.168.22.1, length 46
const SLL_ARP = '000100010006cc2de0261999000008060001080006040001cc2de0261999c0a81601000000000000c0a816a0000000000000000000000000000000000000';
// lo In ifindex 1 00:00:00:00:00:00 ethertype IPv4 (0x0800), length 104: 192.0.2.1 > 192.0.2.1: ICMP echo request, id 8, seq 1, length 64
const SLL2_ICMP = '080000000000000103040006000000000000000045000054af8c40004001071ac0000201c0000201080066b400080001e9bdf96200000000e24e0d0000000000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637';

describe('decodeSll / decodeSll2', () => {
  it('reads the sender MAC and the protocol of a Linux cooked v1 frame', () => {
    const p = decodeFrame(SLL_ARP, { linkType: SLL });
    expect(formatMac(p.srcMac)).toBe('cc:2d:e0:26:19:99');
    expect([p.etherType, p.arpOp, p.arpTargetIp]).toEqual([0x0806, 1, 0xc0a816a0]);
  });

  it('reads a Linux cooked v2 frame (loopback address kept as the all-zero MAC)', () => {
    const p = decodeFrame(SLL2_ICMP, { linkType: SLL2 });
    expect(p.srcMac).toBe(0);
    expect(formatAddress(p.src, 4)).toBe('192.0.2.1');
    expect([p.icmpType, p.icmpCode]).toEqual([8, 0]);
  });

  it('keeps no MAC when the address is not 6 bytes', () => {
    const frame = hexBytes(SLL_ARP);
    frame[5] = 4;
    expect(decodeFrame(frame, { linkType: SLL }).srcMac).toBe(-1);
  });

  it('names cut headers truncated_sll_header', () => {
    expect(decodeFrame(hexBytes(SLL_ARP).subarray(0, 15), { linkType: SLL }).anomaly).toBe('truncated_sll_header');
    expect(decodeFrame(hexBytes(SLL2_ICMP).subarray(0, 19), { linkType: SLL2 }).anomaly).toBe('truncated_sll_header');
  });
});
