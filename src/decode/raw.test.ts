import { describe, expect, it } from 'vitest';
import { decodeFrame, hexBytes } from './testing/frames.js';

// IP 127.0.0.1.5353 > 127.0.0.1.53: UDP, length 0
const IPV4_UDP = hexBytes('4500001c0001000040117cca7f0000017f00000114e9003500080000');
// IP6 ::1.5353 > ::1.53: UDP, length 0
const IPV6_UDP = hexBytes('600000000008114000000000000000000000000000000001000000000000000000000000000000011' + '4e9003500080000');

describe('raw IP link types', () => {
  it.each([101, 12, 14])('LINKTYPE %i tells IPv4 from IPv6 by the version nibble', (linkType) => {
    expect(decodeFrame(IPV4_UDP, { linkType }).ipVersion).toBe(4);
    expect(decodeFrame(IPV6_UDP, { linkType }).ipVersion).toBe(6);
  });

  it('LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229) name the version', () => {
    expect(decodeFrame(IPV4_UDP, { linkType: 228 })).toMatchObject({ dstPort: 53, payloadLength: 0, anomaly: '' });
    expect(decodeFrame(IPV6_UDP, { linkType: 229 }).dstPort).toBe(53);
  });

  it('LINKTYPE_IPV4 holding IPv6 is ip_version_mismatch', () => {
    expect(decodeFrame(IPV6_UDP, { linkType: 228 }).anomaly).toBe('ip_version_mismatch');
  });

  it('names another version unknown_ip_version and an empty frame truncated_ip', () => {
    expect(decodeFrame(hexBytes('5500'), { linkType: 101 }).anomaly).toBe('unknown_ip_version');
    expect(decodeFrame(new Uint8Array(0), { linkType: 101 }).anomaly).toBe('truncated_ip');
  });
});
