import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusRoot } from '../../test/helpers/corpus.js';

/** Extensions of capture files in the corpus (the rest are notes and ground truth). */
const CAPTURE_EXTENSIONS = /\.(pcap|pcapng)$/;
/** Folder depth searched; the corpus nests two levels. */
const MAX_DEPTH = 4;

/**
 * Test support: every capture file under corpus/pcaps, as paths relative to
 * the corpus root, sorted.
 */
export function corpusCaptures(): string[] {
  const found: string[] = [];
  walk(join(corpusRoot, 'pcaps'), 0, found);
  return found.map((path) => relative(corpusRoot, path)).sort();
}

function walk(dir: string, depth: number, found: string[]): void {
  if (depth > MAX_DEPTH) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, depth + 1, found);
    else if (CAPTURE_EXTENSIONS.test(entry.name)) found.push(path);
  }
}
