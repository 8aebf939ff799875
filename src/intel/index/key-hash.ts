/**
 * FNV-1a hash of `bytes[start, end)`, the hash of the index's string keys.
 * @example hashBytes(Buffer.from('dexample.com'), 0, 12)
 */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

/** True when `a[aStart, aStart+length)` equals `b[bStart, bStart+length)`. */
export function bytesEqual(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}
