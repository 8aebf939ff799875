/**
 * A cache bounded in entries and in age: the oldest-used entry is evicted
 * when full, and an entry older than `ttlMs` is a miss. `now` is injectable
 * so tests control time.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; stored: number }>();

  constructor(private readonly maxEntries: number, private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  /** The cached value, or undefined when absent or expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() - entry.stored > this.ttlMs) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores a value, evicting the least recently used entry when full. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, stored: this.now() });
  }

  /** Entries held (expired ones included until touched or evicted). */
  get size(): number {
    return this.entries.size;
  }
}
