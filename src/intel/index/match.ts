import { textToContext } from '../context-text.js';
import type { IndicatorKind, IntelMatch } from '../types.js';
import type { IntelIndex } from './intel-index.js';
import { RecordSink } from './record-sink.js';

/** Observed values to check, by kind. */
export interface ObservedIndicators {
  ips?: Iterable<string>;
  domains?: Iterable<string>;
  urls?: Iterable<string>;
  hashes?: Iterable<string>;
}

/** Options of {@link matchIndicators}. */
export interface MatchOptions {
  /** Evaluation time for expiry, epoch seconds (pass the capture's time for reproducible results). */
  at: number;
}

const sink = new RecordSink();

/**
 * Matches observed IPs, domains, URLs and file hashes against an index —
 * the entry point for the detection/enrichment stage. Each match names the
 * feed, the feed's indicator (a CIDR or mask may differ from the observed
 * value) and the feed record's context. Allowlist feeds suppress every match
 * of a value they contain; expired or not-yet-valid records are skipped at
 * `options.at`. Results follow input order, then index order.
 * @example matchIndicators(index, { ips: ['203.0.113.7'], urls: ['http://evil.example/a'] }, { at: captureEndSeconds })
 */
export function matchIndicators(index: IntelIndex, observed: ObservedIndicators, options: MatchOptions): IntelMatch[] {
  const matches: IntelMatch[] = [];
  const kinds: Array<[IndicatorKind, Iterable<string> | undefined]> = [['ip', observed.ips], ['domain', observed.domains], ['url', observed.urls], ['hash', observed.hashes]];
  for (const [kind, values] of kinds) {
    for (const value of values ?? []) {
      lookupInto(index, kind, value, options.at);
      for (let i = 0; i < sink.count; i++) {
        const record = sink.ids[i];
        matches.push({ category: index.feedName(record), indicator: index.indicator(record), observed: value, kind, context: textToContext(index.contextText(record)) });
      }
    }
  }
  return matches;
}

/**
 * Looks up one observed value of a kind and leaves its settled matches in a
 * shared sink (valid until the next call): the allocation-free path used by
 * the TCP server.
 */
export function lookupInto(index: IntelIndex, kind: IndicatorKind, value: string, at: number): RecordSink {
  sink.reset(at);
  if (kind === 'ip') index.lookupIp(value.trim(), sink);
  else if (kind === 'domain') index.lookupDomain(value.trim(), sink);
  else if (kind === 'url') index.lookupUrl(value, sink);
  else index.lookupHash(value.trim(), sink);
  index.settle(sink);
  return sink;
}
