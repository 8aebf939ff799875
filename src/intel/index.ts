/**
 * Public surface of Tracer's threat intelligence: feeds, the index, lookups,
 * the CyberTrace/KUMA server, the HTTP API and GeoIP.
 *
 * For the detection/enrichment stage:
 * @example
 * const index = loadTix('feeds.tix');               // or new IntelIndex(buildIndex(feeds).sections)
 * const matches = matchIndicators(index, { ips, domains, urls, hashes }, { at: captureEndSeconds });
 * // each match: { category, indicator, observed, kind, context } → an alert carrying the feed's context
 */
export { loadFeed, parseFeedSpec } from './feeds/load-feed.js';
export { buildIndex } from './index/build-index.js';
export { IntelIndex } from './index/intel-index.js';
export { compileTix, loadTix } from './index/load-index.js';
export { matchIndicators, type ObservedIndicators } from './index/match.js';
export { normalizeUrl } from './index/url-normalize.js';
export { openCountryLookup } from './geo.js';
export { reverseDns } from './reverse-dns.js';
export { matchStore, type IntelAlert } from './store/store-match.js';
export { startIntelServer } from './server/tcp-server.js';
export { createIntelApi } from './http/api.js';
export { loadIndexSet } from './sources.js';
export type { FeedOptions, FeedProblem, Indicator, IndicatorKind, IntelMatch, LoadedFeed } from './types.js';
