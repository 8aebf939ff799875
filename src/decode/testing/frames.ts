import { newRawPacket } from '../../capture/packet.js';
import { PacketDecoder } from '../index.js';
import { newDecodedPacket, type DecodedPacket } from '../packet.js';

/**
 * Test support for the decoder tests: bytes from hex and one-frame decoding.
 * Not used by production code.
 */

/** Bytes from a hex string (whitespace ignored). */
export function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
}

/** How a test frame was captured. */
export interface TestCapture {
  linkType?: number;
  /** Wire length when the snaplen cut the frame (defaults to the bytes given). */
  origLen?: number;
  tsSec?: number;
  decoder?: PacketDecoder;
}

/** Decodes one frame given as hex or bytes (Ethernet unless told) into a fresh DecodedPacket. */
export function decodeFrame(frame: string | Uint8Array, capture: TestCapture = {}): DecodedPacket {
  const data = typeof frame === 'string' ? hexBytes(frame) : frame;
  const raw = newRawPacket();
  raw.data = data;
  raw.caplen = data.length;
  raw.origLen = capture.origLen ?? data.length;
  raw.linkType = capture.linkType ?? 1;
  raw.tsSec = capture.tsSec ?? 0;
  const out = newDecodedPacket();
  (capture.decoder ?? new PacketDecoder()).decode(raw, out);
  return out;
}

/** The frame with `bytes` written at `offset` (a copy; the input is left alone). */
export function patched(frame: string, offset: number, ...bytes: number[]): Uint8Array {
  const copy = hexBytes(frame);
  copy.set(bytes, offset);
  return copy;
}

/** Offsets and lengths stay inside the bytes, and the anomaly is '' or a snake_case code. */
export function saneOutput(p: DecodedPacket): boolean {
  return p.ipOffset <= p.data.length && p.payloadOffset <= p.data.length
    && p.payloadLength >= 0 && p.payloadOffset + p.payloadLength <= p.data.length
    && /^([a-z0-9]+(_[a-z0-9]+)*)?$/.test(p.anomaly) && p.tunnelDepth <= 3;
}
