import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readSocketInode, socketInode } from './socket-inode.js';

/** Names handed out per claim: small enough to balance, large enough that the atomics cost nothing. */
const CHUNK = 64;
/** Control words of the shared buffer: next unclaimed index; the chunk the helper claims or reads; the last it finished. */
const NEXT = 0;
const HELPER_AT = 1;
const HELPER_DONE = 2;
/** Bytes before the results: the control words, padded to 8 for the Float64Array. */
const HEADER = 16;

/**
 * The helper thread: claims chunks of descriptor names from the shared
 * counter and writes each link's socket inode (0 for anything else). It
 * publishes a chunk's start before claiming it and again once done, so the
 * caller, which never waits, knows which chunk may be unfinished.
 */
const HELPER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { readlinkSync } = require('node:fs');
const socketInode = ${socketInode.toString()};
parentPort.on('message', ({ shared, dir, names }) => {
  const control = new Int32Array(shared, 0, 3);
  const inodes = new Float64Array(shared, ${HEADER}, names.length);
  for (;;) {
    const start = Atomics.load(control, ${NEXT});
    if (start >= names.length) return;
    Atomics.store(control, ${HELPER_AT}, start);
    if (Atomics.compareExchange(control, ${NEXT}, start, start + ${CHUNK}) !== start) continue;
    for (let i = start; i < Math.min(start + ${CHUNK}, names.length); i++) {
      try { inodes[i] = socketInode(readlinkSync(dir + '/' + names[i])); } catch { inodes[i] = 0; }
    }
    Atomics.store(control, ${HELPER_DONE}, start);
  }
});
`;

let helper: Worker | null | undefined;

/** The helper thread, started on first use; null on a single core or when it cannot start. */
function helperThread(): Worker | null {
  if (helper !== undefined) return helper;
  helper = null;
  if (availableParallelism() < 2) return helper;
  try {
    const worker = new Worker(HELPER_SOURCE, { eval: true });
    worker.unref();
    worker.on('error', () => { if (helper === worker) helper = null; });
    worker.on('exit', () => { if (helper === worker) helper = null; });
    helper = worker;
  } catch {
    helper = null;
  }
  return helper;
}

/**
 * Socket inodes behind the descriptor links `dir/name` (0 for other links
 * and closed descriptors), read by this thread and a helper thread at once:
 * readlink on /proc is all kernel time, so two cores read a process with
 * thousands of descriptors in about half the time. Returns null when no
 * helper is available (the caller reads them itself). Blocks until done.
 * @example readLinksInParallel('/proc/42/fd', ['0', '1', '2'])
 */
export function readLinksInParallel(dir: string, names: readonly string[]): Float64Array | null {
  const worker = helperThread();
  if (!worker) return null;
  const shared = new SharedArrayBuffer(HEADER + 8 * names.length);
  const control = new Int32Array(shared, 0, 3);
  control[HELPER_AT] = -1;
  control[HELPER_DONE] = -1;
  const inodes = new Float64Array(shared, HEADER, names.length);
  worker.postMessage({ shared, dir, names });
  for (let start = Atomics.add(control, NEXT, CHUNK); start < names.length; start = Atomics.add(control, NEXT, CHUNK)) {
    readChunk(dir, names, start, inodes);
  }
  const unfinished = Atomics.load(control, HELPER_AT);
  if (unfinished >= 0 && Atomics.load(control, HELPER_DONE) !== unfinished) readChunk(dir, names, unfinished, inodes);
  return inodes.slice();
}

/** Reads the chunk of names starting at `start` into `inodes`. */
function readChunk(dir: string, names: readonly string[], start: number, inodes: Float64Array): void {
  for (let i = start; i < Math.min(start + CHUNK, names.length); i++) inodes[i] = readSocketInode(`${dir}/${names[i]}`);
}
