/**
 * DuckDB's `arg_max(value, by, n)` over rows in input order, as DuckDB computes it: a binary heap
 * of n entries (libstdc++'s push_heap/pop_heap/sort_heap, smallest `by` on top), so rows with
 * equal `by` come out in the same order DuckDB gives them. Rows whose `by` is null are skipped.
 */
type Entry = readonly [by: number, value: unknown];

/** `before(a, b)`: a sorts above b in the min-heap (DuckDB's comparator for arg_max). */
const before = (a: Entry, b: Entry): boolean => a[0] > b[0];

function siftUp(heap: Entry[], hole: number, top: number, value: Entry): void {
  let parent = (hole - 1) >> 1;
  while (hole > top && before(heap[parent], value)) {
    heap[hole] = heap[parent];
    hole = parent;
    parent = (hole - 1) >> 1;
  }
  heap[hole] = value;
}

function adjust(heap: Entry[], hole: number, len: number, value: Entry): void {
  const top = hole;
  let child = hole;
  while (child < (len - 1) >> 1) {
    child = 2 * (child + 1);
    if (before(heap[child], heap[child - 1])) child--;
    heap[hole] = heap[child];
    hole = child;
  }
  if ((len & 1) === 0 && child === (len - 2) >> 1) {
    child = 2 * (child + 1);
    heap[hole] = heap[child - 1];
    hole = child - 1;
  }
  siftUp(heap, hole, top, value);
}

/** Moves the top to position len-1 and restores the heap over the first len-1 entries. */
function popHeap(heap: Entry[], len: number): void {
  const value = heap[len - 1];
  heap[len - 1] = heap[0];
  adjust(heap, 0, len - 1, value);
}

/** The values of the n rows with the largest `by`, largest first: `argMaxN([[1, 'a'], [3, 'b']], 1)` → `['b']`. */
export function argMaxN(rows: readonly (readonly [unknown, unknown])[], n: number): unknown[] {
  const heap: Entry[] = [];
  for (const [by, value] of rows) {
    if (by === null || by === undefined) continue;
    const entry: Entry = [Number(by), value];
    if (heap.length < n) {
      heap.push(entry);
      siftUp(heap, heap.length - 1, 0, entry);
    } else if (entry[0] > heap[0][0]) {
      popHeap(heap, heap.length);
      heap[heap.length - 1] = entry;
      siftUp(heap, heap.length - 1, 0, entry);
    }
  }
  for (let len = heap.length; len > 1; len--) popHeap(heap, len);
  return heap.map((e) => e[1]);
}
