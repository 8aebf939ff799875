import { readU16, readU32 } from './bytes.js';
import { noteAnomaly } from './layer.js';
import { MAX_TCP_OPTION_BYTES } from './limits.js';
import type { DecodedPacket } from './packet.js';

const END_OF_OPTIONS = 0, NO_OPERATION = 1, MSS = 2, WINDOW_SCALE = 3, SACK_PERMITTED = 4, SACK = 5, TIMESTAMPS = 8;
/** A SACK option is 2 bytes plus one 8-byte left/right edge pair per block. */
const SACK_BLOCK_BYTES = 8;

/** True when `length` is right for `kind` (unknown kinds accept any length ≥ 2). */
function lengthFits(kind: number, length: number): boolean {
  switch (kind) {
    case MSS: return length === 4;
    case WINDOW_SCALE: return length === 3;
    case SACK_PERMITTED: return length === 2;
    case SACK: return (length - 2) % SACK_BLOCK_BYTES === 0;
    case TIMESTAMPS: return length === 10;
    default: return true;
  }
}

/** Stores one well-formed option of a known kind. */
function keepOption(bytes: Uint8Array, o: number, kind: number, length: number, out: DecodedPacket): void {
  switch (kind) {
    case MSS: out.mss = readU16(bytes, o + 2); break;
    case WINDOW_SCALE: out.windowScale = bytes[o + 2]; break;
    case SACK_PERMITTED: out.sackPermitted = true; break;
    case SACK: out.sackBlocks = (length - 2) / SACK_BLOCK_BYTES; break;
    case TIMESTAMPS: out.tsVal = readU32(bytes, o + 2); out.tsEcr = readU32(bytes, o + 6); break;
  }
}

/**
 * Walks the TCP options between `offset` and `end` (at most
 * MAX_TCP_OPTION_BYTES steps, each at least one byte): MSS, window scale,
 * SACK-permitted, SACK blocks, timestamps. A bad length is noted as
 * `bad_tcp_option_length`; options read before it are kept.
 * @example decodeTcpOptions(frame, 54, 74, out) // out.mss 1460, out.windowScale 7
 */
export function decodeTcpOptions(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): void {
  let o = offset;
  for (let step = 0; o < end && step < MAX_TCP_OPTION_BYTES; step++) {
    const kind = bytes[o];
    if (kind === END_OF_OPTIONS) return;
    if (kind === NO_OPERATION) { o++; continue; }
    const length = end - o >= 2 ? bytes[o + 1] : 0;
    if (length < 2 || length > end - o || !lengthFits(kind, length)) {
      noteAnomaly(out, 'bad_tcp_option_length');
      return;
    }
    keepOption(bytes, o, kind, length, out);
    o += length;
  }
}
