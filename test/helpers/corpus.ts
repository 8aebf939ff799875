import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the project checkout. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared public test corpus (never copied into the project). */
export const corpusRoot = process.env.TRACER_CORPUS ?? resolve(projectRoot, '..', 'shared', 'corpus');

/** Absolute path of a corpus file, e.g. `corpus('pcaps/scan/zeek_vnc-scanner.pcap')`. */
export function corpus(relative: string): string {
  return join(corpusRoot, relative);
}

/** True when the corpus is present (it is, in CI and on developer machines). */
export const haveCorpus = existsSync(corpusRoot);
