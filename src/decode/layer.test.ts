import { describe, expect, it } from 'vitest';
import { DECODE_FAILED, failDecode, noteAnomaly, setPayload } from './layer.js';
import { newDecodedPacket } from './packet.js';

describe('layer helpers', () => {
  it('keep the first anomaly of a packet', () => {
    const out = newDecodedPacket();
    noteAnomaly(out, 'udp_length_mismatch');
    expect(failDecode(out, 'truncated_ip')).toBe(DECODE_FAILED);
    expect(out.anomaly).toBe('udp_length_mismatch');
  });

  it('set the payload from the captured bytes and the wire length from the IP header', () => {
    const out = newDecodedPacket();
    out.ipVersion = 4; out.ipOffset = 14; out.ipTotalLength = 100;
    setPayload(out, 54, 80);
    expect([out.payloadOffset, out.payloadLength, out.payloadWireLength]).toEqual([54, 26, 60]);
    setPayload(out, 90, 80);
    expect(out.payloadLength).toBe(0);
  });

  it('use the captured length as wire length without an IP layer', () => {
    const out = newDecodedPacket();
    setPayload(out, 14, 60);
    expect([out.payloadLength, out.payloadWireLength]).toEqual([46, 46]);
  });
});
