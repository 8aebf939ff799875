import { describe, expect, it } from 'vitest';
import { WeirdCounter } from '../util/weird.js';
import { PacketDecoder } from './index.js';
import { decodeFrame, hexBytes } from './testing/frames.js';

const ETHER4 = '0013 7fbe 8cff 0024 7ee0 1db5 0800';
const ETHER6 = '0013 7fbe 8cff 0024 7ee0 1db5 86dd';
// UDP 10.0.0.1.5353 > 10.0.0.2.53 carrying 24 bytes: "AAAAAAAA" "BBBBBBBB" "CCCCCCCC"
const UDP = '14e90035 0020 0000';
const DATA = '4141414141414141' + '4242424242424242' + '4343434343434343';
const DATAGRAM = UDP + DATA; // 32 bytes

/** Ethernet + IPv4 fragment (id 0x1234, proto UDP) of DATAGRAM at byte `offset`. */
function v4(offset: number, length: number, more: boolean, bytes = DATAGRAM): Uint8Array {
  const payload = bytes.replace(/ /g, '').slice(offset * 2, (offset + length) * 2);
  const flags = ((more ? 0x2000 : 0) | (offset / 8)).toString(16).padStart(4, '0');
  const total = (20 + length).toString(16).padStart(4, '0');
  return hexBytes(`${ETHER4} 4500${total} 1234${flags} 4011 0000 0a000001 0a000002 ${payload}`);
}

/** Ethernet + IPv6 fragment (id 0xcafe) of DATAGRAM at byte `offset`. */
function v6(offset: number, length: number, more: boolean): Uint8Array {
  const payload = DATAGRAM.replace(/ /g, '').slice(offset * 2, (offset + length) * 2);
  const field = (offset | (more ? 1 : 0)).toString(16).padStart(4, '0');
  const plen = (8 + length).toString(16).padStart(4, '0');
  return hexBytes(`${ETHER6} 60000000 ${plen} 2c40 ${'20010db8000000000000000000000001'} ${'20010db8000000000000000000000002'} 1100${field}0000cafe ${payload}`);
}

function decoderWith(limits = {}): { decoder: PacketDecoder; weird: WeirdCounter } {
  const weird = new WeirdCounter();
  return { decoder: new PacketDecoder({ weird, limits }), weird };
}

describe('fragment reassembly', () => {
  it('rebuilds an IPv4 datagram from out-of-order fragments; only the completing one has UDP fields', () => {
    const { decoder } = decoderWith();
    const second = decodeFrame(v4(16, 16, false), { decoder });
    expect([second.ipFragmentOffset, second.srcPort, second.reassembled]).toEqual([16, 0, false]);
    const first = decodeFrame(v4(0, 16, true), { decoder });
    expect([first.ipFragmentOffset, first.ipMoreFragments, first.dstPort, first.reassembled]).toEqual([-1, false, 53, true]);
    expect([first.ipOffset, first.ipTotalLength, first.payloadLength, first.anomaly]).toEqual([0, 52, 24, '']);
    expect(Buffer.from(first.data.subarray(first.payloadOffset)).toString()).toBe('AAAAAAAABBBBBBBBCCCCCCCC');
    expect(decoder.pendingFragments).toBe(0);
  });

  it('rebuilds an IPv6 datagram (fragment header kept as an atomic one)', () => {
    const { decoder } = decoderWith();
    expect(decodeFrame(v6(0, 8, true), { decoder }).srcPort).toBe(0);
    expect(decodeFrame(v6(8, 16, true), { decoder }).srcPort).toBe(0);
    const last = decodeFrame(v6(24, 8, false), { decoder });
    expect([last.reassembled, last.ipProto, last.dstPort, last.payloadLength, last.anomaly]).toEqual([true, 17, 53, 24, '']);
  });

  it('notes fragment_overlap for a duplicate and fragment_inconsistency for changed bytes, keeping the first', () => {
    const { decoder } = decoderWith();
    decodeFrame(v4(0, 16, true), { decoder });
    expect(decodeFrame(v4(8, 8, true), { decoder }).anomaly).toBe('fragment_overlap');
    const changed = DATAGRAM.replace(/ /g, '').replace('4141414141414141', '5a5a5a5a5a5a5a5a');
    expect(decodeFrame(v4(8, 8, true, changed), { decoder }).anomaly).toBe('fragment_inconsistency');
    const last = decodeFrame(v4(16, 16, false), { decoder });
    expect(Buffer.from(last.data.subarray(last.payloadOffset)).toString()).toBe('AAAAAAAABBBBBBBBCCCCCCCC');
  });

  it('refuses fragments that disagree on the datagram size: fragment_size_inconsistency', () => {
    const { decoder } = decoderWith();
    expect(decodeFrame(v4(0, 12, true), { decoder }).anomaly).toBe('fragment_size_inconsistency');
    decodeFrame(v4(16, 16, false), { decoder });
    expect(decodeFrame(v4(8, 8, false), { decoder }).anomaly).toBe('fragment_size_inconsistency');
  });

  it('refuses a fragment ending past 65,535 bytes: excessively_large_fragment', () => {
    const frame = v4(0, 16, true);
    frame.set([0x1f, 0xff], 20); // offset 65528 bytes
    expect(decodeFrame(frame).anomaly).toBe('excessively_large_fragment');
  });

  it('drops incomplete datagrams after the timeout and counts fragment_reassembly_timeout', () => {
    const { decoder, weird } = decoderWith({ fragmentTimeoutSeconds: 60 });
    decodeFrame(v4(0, 16, true), { decoder, tsSec: 100 });
    decodeFrame(v6(0, 8, true), { decoder, tsSec: 161 });
    expect(weird.counts.get('fragment_reassembly_timeout')).toBe(1);
    expect(decodeFrame(v4(16, 16, false), { decoder, tsSec: 162 }).reassembled).toBe(false);
  });

  it('bounds datagrams, bytes and fragments per datagram', () => {
    const byCount = decoderWith({ maxFragmentDatagrams: 1 });
    decodeFrame(v4(0, 16, true), byCount);
    decodeFrame(v6(0, 8, true), byCount);
    expect(byCount.weird.counts.get('fragment_buffer_full')).toBe(1);
    expect(byCount.decoder.pendingFragments).toBe(1);

    const byBytes = decoderWith({ maxFragmentBytes: 20 });
    decodeFrame(v4(0, 16, true), byBytes);
    decodeFrame(v6(0, 8, true), byBytes);
    expect(byBytes.weird.counts.get('fragment_buffer_full')).toBe(1);
    // completing a datagram frees its bytes before the bound is checked
    expect(decodeFrame(v6(8, 24, false), byBytes).reassembled).toBe(true);
    expect(decodeFrame(v4(16, 16, false), byBytes).reassembled).toBe(false);
    expect(byBytes.decoder.pendingFragments).toBe(1);

    const byPieces = decoderWith({ maxFragmentsPerDatagram: 1 });
    decodeFrame(v4(0, 8, true), byPieces);
    expect(decodeFrame(v4(8, 8, true), byPieces).anomaly).toBe('excessive_fragments');
  });

  it('does not reassemble a fragment whose bytes the snaplen cut', () => {
    const { decoder } = decoderWith();
    const cut = decodeFrame(v4(0, 16, true).subarray(0, 40), { decoder, origLen: 50 });
    expect([cut.anomaly, decoder.pendingFragments]).toEqual(['', 0]);
  });
});
