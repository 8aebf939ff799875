import { openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError } from '../../cli/command.js';
import type { FeedFormat, FeedOptions, LoadedFeed } from '../types.js';
import { loadCsvFeed } from './csv.js';
import { loadJsonFeed } from './json.js';
import { loadKasperskyFeed } from './kaspersky.js';
import { loadMispFeed } from './misp.js';
import { loadPlainFeed } from './plain.js';
import { loadStixFeed } from './stix.js';
import { loadWarninglist } from './warninglist.js';
import { loadZeekIntelFeed } from './zeek.js';

/** Largest feed file read (V8 strings stop a little above this). */
const MAX_FEED_BYTES = 500 * 1024 * 1024;
/** Bytes looked at to recognise a JSON feed's flavour. */
const SNIFF_BYTES = 8192;
const FORMATS: FeedFormat[] = ['csv', 'json', 'ndjson', 'kaspersky', 'stix', 'misp', 'warninglist', 'plain', 'zeek'];

/** A feed named on the command line: its path and how to read it. */
export interface FeedSpec { path: string; options: FeedOptions }

/**
 * Reads `path[,key=FIELD][,name=NAME][,format=FORMAT][,parents][,allow]`.
 * @example parseFeedSpec('iocs.csv,key=Indicator,parents') // key column "Indicator", parent-domain matching on
 */
export function parseFeedSpec(spec: string): FeedSpec {
  const [path, ...parts] = spec.split(',');
  const options: FeedOptions = { name: basename(path).replace(/\.[^.]*$/, ''), parentDomains: false, allowlist: false };
  for (const part of parts) {
    const [name, value] = part.split('=', 2);
    if (name === 'parents' && value === undefined) options.parentDomains = true;
    else if (name === 'allow' && value === undefined) options.allowlist = true;
    else if (name === 'key' && value) options.key = value;
    else if (name === 'name' && value) options.name = value;
    else if (name === 'format' && FORMATS.includes(value as FeedFormat)) options.format = value as FeedFormat;
    else throw new InputError(`feed "${spec}": cannot read option "${part}" (key=, name=, format=${FORMATS.join('|')}, parents, allow)`);
  }
  return { path, options };
}

/** Loads one feed of any supported format; unreadable files throw a one-line {@link InputError}. */
export function loadFeed({ path, options }: FeedSpec): LoadedFeed {
  let size: number;
  let directory: boolean;
  try {
    const stat = statSync(path);
    size = stat.size;
    directory = stat.isDirectory();
  } catch (err) {
    throw new InputError(`${path}: cannot read feed (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (size > MAX_FEED_BYTES) throw new InputError(`${path}: feed is ${size} bytes, more than the ${MAX_FEED_BYTES} read at once; split it`);
  const format = options.format ?? (directory ? 'misp' : detectFormat(path, options));
  if (format === 'misp') return loadMispFeed(path, options);
  const text = readFileSync(path, 'utf8');
  switch (format) {
    case 'csv': return loadCsvFeed(text, path, options);
    case 'json': return loadJsonFeed(text, path, options);
    case 'ndjson': return loadJsonFeed(text, path, options, true);
    case 'kaspersky': return loadKasperskyFeed(text, path, options, extname(path) !== '.json');
    case 'stix': return loadStixFeed(text, path, options);
    case 'warninglist': return loadWarninglist(text, path, options);
    case 'zeek': return loadZeekIntelFeed(text, path, options);
    default: return loadPlainFeed(text, path, options);
  }
}

/** Guesses a feed's format from its extension and, for JSON, its first bytes. */
export function detectFormat(path: string, options: Pick<FeedOptions, 'key'>): FeedFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.intel') return 'zeek';
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  if (extension !== '.json') return head(path).startsWith('#fields\t') ? 'zeek' : 'plain';
  const start = head(path);
  if (/"type"\s*:\s*"bundle"/.test(start)) return 'stix';
  if (/^\s*\{\s*"Event"\s*:/.test(start)) return 'misp';
  if (/"matching_attributes"\s*:/.test(start) || /^\s*\{[^[]*"list"\s*:\s*\[/.test(start)) return 'warninglist';
  if (!options.key && /"(mask|MD5|SHA1|SHA256)"\s*:/.test(start)) return 'kaspersky';
  return 'json';
}

function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, SNIFF_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}
