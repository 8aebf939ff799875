import { globMatch } from './glob.js';
import type { IntelIndex } from './intel-index.js';
import { RecordSink } from './record-sink.js';
import { KEY_MASK_HOST, KEY_MASK_RESIDUAL, KEY_MASK_SEGMENT, KEY_MASK_SUFFIX, KEY_URL } from './sections.js';
import { normalizeUrl, urlHost } from './url-normalize.js';

/** Path tokens of one URL probed for mask anchors (a URL of a thousand slashes costs no more). */
const MAX_URL_TOKENS = 64;
/** Host labels probed for `*.suffix` masks. */
const MAX_HOST_LABELS = 32;
const candidates = new RecordSink();

/**
 * Finds the records matching one URL: the exact normalised URL (with and
 * without its query) and the URL masks whose anchor (see mask-anchor.ts)
 * occurs in it — its host, a parent of its host, a path token, or the
 * residual list — each candidate confirmed with {@link globMatch} against
 * the URL or the URL before its `?`.
 */
export function lookupUrlKeys(index: IntelIndex, url: string, sink: RecordSink): void {
  const normalized = normalizeUrl(url);
  if (normalized === '') return;
  const query = normalized.indexOf('?');
  probe(index, KEY_URL, normalized, 0, normalized.length, sink);
  if (query >= 0) probe(index, KEY_URL, normalized, 0, query, sink);
  candidates.reset(sink.at);
  const hostEnd = urlHost(normalized).length;
  probe(index, KEY_MASK_HOST, normalized, 0, hostEnd, candidates);
  for (let i = 0, labels = 0; i < hostEnd && labels < MAX_HOST_LABELS; i++) {
    if (normalized.charCodeAt(i) !== 46) continue;
    labels++;
    probe(index, KEY_MASK_SUFFIX, normalized, i + 1, hostEnd, candidates);
  }
  for (let start = hostEnd + 1, tokens = 0; start <= normalized.length && tokens < MAX_URL_TOKENS; tokens++) {
    let end = start;
    while (end < normalized.length && normalized.charCodeAt(end) !== 47 && normalized.charCodeAt(end) !== 63) end++;
    if (end > start) probe(index, KEY_MASK_SEGMENT, normalized, start, end, candidates);
    start = end + 1;
  }
  probe(index, KEY_MASK_RESIDUAL, normalized, 0, 0, candidates);
  if (candidates.count === 0) return;
  const beforeQuery = query >= 0 ? normalized.slice(0, query) : '';
  for (let i = 0; i < candidates.count; i++) {
    const mask = index.indicator(candidates.ids[i]);
    if (globMatch(mask, normalized) || (query >= 0 && globMatch(mask, beforeQuery))) sink.push(candidates.ids[i]);
  }
}

function probe(index: IntelIndex, kind: number, text: string, start: number, end: number, sink: RecordSink): void {
  const length = index.writeKey(kind, text, start, end);
  if (length > 0) index.probeKey(0, length, sink, false);
}
