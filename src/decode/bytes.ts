/** Big-endian 16-bit value at `o` (the caller has checked bounds). */
export function readU16(b: Uint8Array, o: number): number {
  return (b[o] << 8) | b[o + 1];
}

/** Big-endian unsigned 32-bit value at `o` (the caller has checked bounds). */
export function readU32(b: Uint8Array, o: number): number {
  return ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
}

/** Big-endian 48-bit value at `o`, e.g. a MAC address (exact in a double). */
export function readU48(b: Uint8Array, o: number): number {
  return ((b[o] << 8) | b[o + 1]) * 0x1_0000_0000 + readU32(b, o + 2);
}
