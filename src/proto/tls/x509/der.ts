/** One DER element (ITU-T X.690): tag byte and where its contents lie. Reused between reads. */
export interface Tlv {
  tag: number;
  /** First byte of the contents. */
  start: number;
  /** Byte after the contents. */
  end: number;
}

/** A fresh element holder for {@link readTlv}. */
export function newTlv(): Tlv {
  return { tag: 0, start: 0, end: 0 };
}

/** Longest length field accepted: 4 bytes covers anything a certificate can be. */
const MAX_LENGTH_BYTES = 4;

/**
 * Reads the element at `pos` that must end by `limit`. Only single-byte tags
 * and definite lengths (DER) are accepted; false otherwise. Never throws.
 */
export function readTlv(b: Uint8Array, pos: number, limit: number, out: Tlv): boolean {
  if (pos + 2 > limit || (b[pos] & 0x1f) === 0x1f) return false;
  out.tag = b[pos];
  let length = b[pos + 1];
  let start = pos + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > MAX_LENGTH_BYTES || start + count > limit) return false;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + b[start + i];
    start += count;
  }
  if (start + length > limit) return false;
  out.start = start;
  out.end = start + length;
  return true;
}

/** Dotted text of an OBJECT IDENTIFIER's contents (`2.5.4.3`); '' when malformed. */
export function oidText(b: Uint8Array, start: number, end: number): string {
  if (start >= end) return '';
  let text = '';
  let value = 0;
  for (let i = start; i < end; i++) {
    value = value * 128 + (b[i] & 0x7f);
    if (b[i] & 0x80) continue;
    if (text === '') text = value < 80 ? `${Math.floor(value / 40)}.${value % 40}` : `2.${value - 80}`;
    else text += `.${value}`;
    value = 0;
  }
  return text;
}
