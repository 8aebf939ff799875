import { KEY_WORDS, type FlowKey } from './flow-key.js';

/**
 * Open-addressing hash index from connection keys to connection slots, over
 * typed arrays only: linear probing, backward-shift deletion (no tombstones),
 * load factor at most 1/2. Lookups and inserts allocate nothing.
 */
export class ConnIndex {
  /** Slot + 1 per bucket; 0 marks an empty bucket. */
  private readonly buckets: Int32Array;
  private readonly mask: number;
  /** Key words of each slot. */
  private readonly keys: Uint32Array;
  private readonly hashes: Uint32Array;

  /** @param slots the number of connection slots (the table's budget) */
  constructor(slots: number) {
    let size = 16;
    while (size < slots * 2) size *= 2;
    this.buckets = new Int32Array(size);
    this.mask = size - 1;
    this.keys = new Uint32Array(slots * KEY_WORDS);
    this.hashes = new Uint32Array(slots);
  }

  /** The slot holding `key`, or -1. */
  find(key: FlowKey): number {
    const { buckets, mask } = this;
    // Probing ends at an empty bucket; the load factor guarantees one exists.
    for (let i = key.hash & mask; ; i = (i + 1) & mask) {
      const entry = buckets[i];
      if (entry === 0) return -1;
      const slot = entry - 1;
      if (this.hashes[slot] === key.hash && this.sameKey(slot, key.words)) return slot;
    }
  }

  /** Records `key` as the key of `slot` (which must not be indexed already). */
  insert(slot: number, key: FlowKey): void {
    this.keys.set(key.words, slot * KEY_WORDS);
    this.hashes[slot] = key.hash;
    const { buckets, mask } = this;
    let i = key.hash & mask;
    while (buckets[i] !== 0) i = (i + 1) & mask;
    buckets[i] = slot + 1;
  }

  /** Removes `slot` from the index, shifting later entries of its probe run back. */
  remove(slot: number): void {
    const { buckets, mask } = this;
    let i = this.hashes[slot] & mask;
    while (buckets[i] !== slot + 1) {
      if (buckets[i] === 0) return;
      i = (i + 1) & mask;
    }
    for (let j = (i + 1) & mask; buckets[j] !== 0; j = (j + 1) & mask) {
      const home = this.hashes[buckets[j] - 1] & mask;
      // Move entry j into the hole at i unless its home lies cyclically in (i, j].
      const homeInRange = i <= j ? home > i && home <= j : home > i || home <= j;
      if (!homeInRange) {
        buckets[i] = buckets[j];
        i = j;
      }
    }
    buckets[i] = 0;
  }

  private sameKey(slot: number, words: Uint32Array): boolean {
    const base = slot * KEY_WORDS;
    for (let k = 0; k < KEY_WORDS; k++) {
      if (this.keys[base + k] !== words[k]) return false;
    }
    return true;
  }
}
