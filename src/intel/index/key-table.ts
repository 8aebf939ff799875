import type { BlobWriter } from './blob-writer.js';
import { hashBytes } from './key-hash.js';

/** Slot-table load: at most half full, so probe runs stay short. */
const SLOTS_PER_KEY = 2;
const MIN_SLOTS = 16;

/** The string-key sections of an index. */
export interface KeyTable { keyText: Uint32Array; keyHash: Uint32Array; keyRec: Uint32Array; keySlots: Uint32Array }

/**
 * Builds an open-addressing hash table (linear probing) over string keys:
 * slot value = entry number + 1, 0 = empty. The same key may appear for
 * several records; a lookup walks the probe run and visits them all.
 */
export function buildKeyTable(texts: string[], records: Uint32Array, blob: BlobWriter): KeyTable {
  const count = texts.length;
  const keyText = new Uint32Array(count * 2);
  const keyHash = new Uint32Array(count);
  let size = MIN_SLOTS;
  while (size < count * SLOTS_PER_KEY) size *= 2;
  const keySlots = new Uint32Array(size);
  const mask = size - 1;
  for (let k = 0; k < count; k++) {
    const offset = blob.append(texts[k]);
    const length = Buffer.byteLength(texts[k]);
    keyText[k * 2] = offset;
    keyText[k * 2 + 1] = length;
    const hash = hashBytes(blob.view(), offset, offset + length);
    keyHash[k] = hash;
    let slot = hash & mask;
    while (keySlots[slot] !== 0) slot = (slot + 1) & mask;
    keySlots[slot] = k + 1;
  }
  return { keyText, keyHash, keyRec: records.slice(0, count), keySlots };
}
