import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedOptions, LoadedFeed } from '../types.js';
import { FeedCollector } from './collector.js';
import { isRecord, parseJsonSafely } from './json-parse.js';
import { addMispEvent } from './misp-event.js';

/** Event UUIDs are hex and dashes only: a manifest key can never name a path outside the feed. */
const EVENT_UUID = /^[0-9a-f-]{36}$/i;

/**
 * Loads a MISP feed: a directory with `manifest.json` and one `<uuid>.json`
 * per event, or a single event file. A missing or broken event file is a
 * problem naming it; the other events still load.
 * @example loadMispFeed('feeds/cert-fr', { name: 'cert-fr', parentDomains: false, allowlist: false })
 */
export function loadMispFeed(path: string, options: FeedOptions): LoadedFeed {
  const directory = statSync(path).isDirectory();
  const collector = new FeedCollector(directory ? join(path, 'manifest.json') : path);
  if (!directory) {
    addEventFile(path, collector);
    return collector.result(options);
  }
  const manifest = parseJsonSafely(readFileSync(join(path, 'manifest.json'), 'utf8'));
  if (!('value' in manifest)) { collector.problem(manifest.line, manifest.message); return collector.result(options); }
  if (!isRecord(manifest.value)) { collector.problem(1, 'manifest is not a JSON object keyed by event UUID'); return collector.result(options); }
  for (const uuid of Object.keys(manifest.value).sort()) {
    if (!EVENT_UUID.test(uuid)) { collector.problem(0, `manifest key "${uuid.slice(0, 60)}" is not an event UUID`); continue; }
    addEventFile(join(path, `${uuid}.json`), collector);
  }
  return collector.result(options);
}

function addEventFile(file: string, collector: FeedCollector): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    collector.problem(0, `${file}: cannot read event file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  const parsed = parseJsonSafely(text);
  if ('value' in parsed) addMispEvent(parsed.value, collector, file);
  else collector.problem(parsed.line, `${file}: ${parsed.message}`);
}
