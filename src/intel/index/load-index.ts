import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { InputError } from '../../cli/command.js';
import type { LoadedFeed } from '../types.js';
import { buildIndex, type BuildStats } from './build-index.js';
import { IntelIndex } from './intel-index.js';
import { decodeTix, encodeTix } from './tix-format.js';

/**
 * Loads a compiled `.tix` index: one read, checksum and bounds checks, then
 * views over the bytes. Damage throws a one-line error naming the file and offset.
 */
export function loadTix(path: string): IntelIndex {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputError(`${path}: cannot read compiled index (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return new IntelIndex(decodeTix(bytes, path));
}

/**
 * Compiles loaded feeds into a `.tix` file, written to a temporary name and
 * renamed into place so a serving process never reads a half-written file.
 */
export function compileTix(feeds: LoadedFeed[], path: string): BuildStats & { bytes: number } {
  const { sections, stats } = buildIndex(feeds);
  const bytes = encodeTix(sections);
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
  return { ...stats, bytes: bytes.length };
}
