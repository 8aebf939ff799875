import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** File names taken for captures: pcap, pcapng, and their gzip forms. */
const CAPTURE_NAME = /\.(pcap|pcapng|cap)(\.gz)?$/i;
/** Folder depth searched below `dir`; deeper trees are not walked (and symlink loops end). */
const MAX_DEPTH = 8;

/**
 * Every capture file under `dir` (by name: .pcap, .pcapng, .cap, optionally
 * .gz), recursively, as sorted paths. Notes and other files are skipped.
 * @example findCaptureFiles('/evidence') // ['/evidence/a.pcap', '/evidence/day2/b.pcapng.gz']
 */
export function findCaptureFiles(dir: string): string[] {
  const found: string[] = [];
  walk(dir, 0, found);
  return found.sort();
}

function walk(dir: string, depth: number, found: string[]): void {
  if (depth > MAX_DEPTH) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, depth + 1, found);
    else if (entry.isFile() && CAPTURE_NAME.test(entry.name)) found.push(path);
  }
}
