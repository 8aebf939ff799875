import type { DecodedPacket } from './packet.js';

/**
 * One protocol layer: reads its header at `offset` (never past `end`), fills
 * `out`, and returns the offset of the next layer or DECODE_FAILED.
 */
export type LayerDecoder = (bytes: Uint8Array, offset: number, end: number, out: DecodedPacket) => number;

/** Status a decoder returns when the layer is broken and decoding must stop. */
export const DECODE_FAILED = -1;

/** Records `code` as the packet's anomaly unless an earlier one is already there; decoding goes on. */
export function noteAnomaly(out: DecodedPacket, code: string): void {
  if (out.anomaly === '') out.anomaly = code;
}

/** Records `code` and returns DECODE_FAILED, for a layer that cannot be decoded further. */
export function failDecode(out: DecodedPacket, code: string): number {
  noteAnomaly(out, code);
  return DECODE_FAILED;
}

/**
 * Sets the application payload to the captured bytes from `offset` to `end`
 * and its wire length to what the IP header says is left after `offset`.
 */
export function setPayload(out: DecodedPacket, offset: number, end: number): void {
  out.payloadOffset = offset;
  out.payloadLength = end > offset ? end - offset : 0;
  const wire = out.ipOffset + out.ipTotalLength - offset;
  out.payloadWireLength = out.ipVersion !== 0 && wire > 0 ? wire : out.payloadLength;
}
