import { contextToText, escapeField } from '../context-text.js';
import type { EnrichmentMatch, NamedEnricher } from '../enrichers/enricher.js';
import { flattenContext } from '../feeds/flatten.js';
import { canonicalIp } from '../index/classify.js';
import type { IntelIndex } from '../index/intel-index.js';
import { lookupInto } from '../index/match.js';
import { normalizeUrl, urlHost } from '../index/url-normalize.js';
import type { IndicatorKind } from '../types.js';
import type { EventIndicator } from './event-line.js';

/** The line that ends every answer. */
export const LOOKUP_FINISHED = 'LookupFinished\n';

/** The indexes being served; replaced as a whole on reload, never changed in place. */
export interface IndexSet { readonly indexes: readonly IntelIndex[]; readonly records: number }

/**
 * Answer lines (`Category=…|MatchedIndicator=…|context…\n`) for one event's
 * indicators from every index. A `url` is also checked by its host, as a
 * domain or IP, so domain and IP feeds match URLs too. Each match is noted in
 * `matched` as `category:indicator` for the lookup log.
 */
export function indexAnswer(set: IndexSet, indicators: readonly EventIndicator[], at: number, matched: string[]): string {
  let out = '';
  for (const indicator of indicators) {
    for (const index of set.indexes) {
      out += answerOne(index, indicator.kind, indicator.value, at, matched);
      if (indicator.kind !== 'url') continue;
      const host = urlHost(normalizeUrl(indicator.value)).replace(/:\d+$/, '');
      if (host) out += answerOne(index, canonicalIp(host) ? 'ip' : 'domain', host, at, matched);
    }
  }
  return out;
}

function answerOne(index: IntelIndex, kind: IndicatorKind, value: string, at: number, matched: string[]): string {
  const sink = lookupInto(index, kind, value, at);
  let out = '';
  for (let i = 0; i < sink.count; i++) {
    const record = sink.ids[i];
    const category = index.feedName(record);
    const indicator = index.indicator(record);
    const context = index.contextText(record);
    out += `Category=${escapeField(category)}|MatchedIndicator=${escapeField(indicator)}${context ? '|' + context : ''}\n`;
    matched.push(`${category}:${indicator}`);
  }
  return out;
}

/**
 * Answer lines from the enricher plugins (and MISP) for one event, all
 * called in parallel; one that throws or takes longer than `timeoutMs` is
 * reported through `onError` and contributes nothing.
 */
export async function enricherAnswer(enrichers: readonly NamedEnricher[], indicators: readonly EventIndicator[], timeoutMs: number, matched: string[], onError: (enricher: string, message: string) => void): Promise<string> {
  const calls = [];
  for (const enricher of enrichers) {
    for (const indicator of indicators) calls.push(callEnricher(enricher, indicator, timeoutMs, onError));
  }
  let out = '';
  for (const lines of await Promise.all(calls)) {
    for (const { category, indicator, context } of lines) {
      out += `Category=${escapeField(category)}|MatchedIndicator=${escapeField(indicator)}${context ? '|' + context : ''}\n`;
      matched.push(`${category}:${indicator}`);
    }
  }
  return out;
}

async function callEnricher(enricher: NamedEnricher, indicator: EventIndicator, timeoutMs: number, onError: (enricher: string, message: string) => void) {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs); });
    const matches = await Promise.race([Promise.resolve().then(() => enricher.enrich(indicator.field, indicator.value)), timeout]);
    if (!Array.isArray(matches)) throw new TypeError('enricher did not return an array');
    return matches.filter((m: EnrichmentMatch) => m && typeof m.category === 'string').map((m: EnrichmentMatch) => ({
      category: m.category,
      indicator: typeof m.indicator === 'string' ? m.indicator : indicator.value,
      context: contextToText(flattenContext(m.context ?? {})),
    }));
  } catch (err) {
    onError(enricher.name, err instanceof Error ? err.message : String(err));
    return [];
  } finally {
    clearTimeout(timer);
  }
}
