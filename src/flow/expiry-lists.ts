/**
 * Intrusive doubly-linked lists of connection slots over typed arrays, one
 * per expiry class. Slots are appended with deadlines that only grow along a
 * list, so the head holds the earliest one: expiry looks at heads only and is
 * O(1) amortised per connection.
 */
export class ExpiryLists {
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  /** List of each slot, or -1. */
  private readonly listOf: Int8Array;
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;

  constructor(slots: number, lists: number) {
    this.prev = new Int32Array(slots).fill(-1);
    this.next = new Int32Array(slots).fill(-1);
    this.listOf = new Int8Array(slots).fill(-1);
    this.heads = new Int32Array(lists).fill(-1);
    this.tails = new Int32Array(lists).fill(-1);
  }

  /** First slot of `list` (the oldest), or -1. */
  head(list: number): number {
    return this.heads[list];
  }

  /** The list `slot` is on, or -1. */
  listOfSlot(slot: number): number {
    return this.listOf[slot];
  }

  /** Puts `slot` at the tail of `list`, taking it off its current list first. */
  append(list: number, slot: number): void {
    if (this.listOf[slot] >= 0) this.remove(slot);
    const tail = this.tails[list];
    this.prev[slot] = tail;
    this.next[slot] = -1;
    if (tail >= 0) this.next[tail] = slot;
    else this.heads[list] = slot;
    this.tails[list] = slot;
    this.listOf[slot] = list;
  }

  /** Takes `slot` off its list (no-op when on none). */
  remove(slot: number): void {
    const list = this.listOf[slot];
    if (list < 0) return;
    const p = this.prev[slot];
    const n = this.next[slot];
    if (p >= 0) this.next[p] = n;
    else this.heads[list] = n;
    if (n >= 0) this.prev[n] = p;
    else this.tails[list] = p;
    this.prev[slot] = -1;
    this.next[slot] = -1;
    this.listOf[slot] = -1;
  }
}
