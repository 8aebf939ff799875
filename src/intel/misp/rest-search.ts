import type { EnrichmentMatch, NamedEnricher } from '../enrichers/enricher.js';
import { isRecord } from '../feeds/json-parse.js';
import { TtlCache } from './ttl-cache.js';

/** Attributes asked for per lookup (MISP's `limit`). */
const MAX_ATTRIBUTES_PER_LOOKUP = 50;
/** Largest MISP answer read, in bytes. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** Where and how to ask MISP. */
export interface MispOptions {
  /** Base URL of the MISP instance, e.g. https://misp.example.org */
  url: string;
  /** API key (sent as the Authorization header). */
  key: string;
  cacheEntries: number;
  cacheTtlMs: number;
  /** Only attributes flagged for detection (`to_ids`). */
  toIdsOnly: boolean;
  now?: () => number;
}

/**
 * An enricher that asks MISP's `POST /attributes/restSearch` for each value,
 * answering with one match per attribute (category `misp`, context: type,
 * category, event id and info, comment). Answers — including "nothing" —
 * are cached (bounded in size and age); concurrent lookups of one value share
 * one request. Failures are thrown so the server logs and counts them; they
 * are not cached.
 */
export function mispEnricher(options: MispOptions): NamedEnricher {
  const cache = new TtlCache<EnrichmentMatch[]>(options.cacheEntries, options.cacheTtlMs, options.now);
  const inFlight = new Map<string, Promise<EnrichmentMatch[]>>();
  const endpoint = new URL('attributes/restSearch', options.url.endsWith('/') ? options.url : options.url + '/');
  async function ask(value: string): Promise<EnrichmentMatch[]> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { Authorization: options.key, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ returnFormat: 'json', value, limit: MAX_ATTRIBUTES_PER_LOOKUP, ...(options.toIdsOnly ? { to_ids: true } : {}) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`MISP answered HTTP ${response.status}`);
    if (text.length > MAX_RESPONSE_BYTES) throw new Error(`MISP answer of ${text.length} bytes exceeds ${MAX_RESPONSE_BYTES}`);
    return attributesToMatches(JSON.parse(text));
  }
  return {
    name: 'misp',
    enrich(_field: string, value: string) {
      const cached = cache.get(value);
      if (cached) return cached;
      let pending = inFlight.get(value);
      if (!pending) {
        pending = ask(value).then((matches) => { cache.set(value, matches); return matches; }).finally(() => inFlight.delete(value));
        inFlight.set(value, pending);
      }
      return pending;
    },
  };
}

/** Matches from a restSearch answer: `{ response: { Attribute: [...] } }`. */
export function attributesToMatches(answer: unknown): EnrichmentMatch[] {
  const response = isRecord(answer) ? answer.response : undefined;
  const attributes = isRecord(response) && Array.isArray(response.Attribute) ? response.Attribute : [];
  return attributes.filter(isRecord).filter((a) => typeof a.value === 'string').map((a) => ({
    category: 'misp',
    indicator: a.value as string,
    context: {
      type: a.type, category: a.category, to_ids: a.to_ids, comment: a.comment, event_id: a.event_id,
      'event.info': isRecord(a.Event) ? a.Event.info : undefined, uuid: a.uuid,
    },
  }));
}
