import { readFileSync } from 'node:fs';
import type { Row, Store } from '../../store/duckdb.js';
import type { IntelIndex } from '../index/intel-index.js';
import { matchIndicators } from '../index/match.js';
import type { IndicatorKind } from '../types.js';

/** Log streams whose observables are matched, each with its SQL file beside this one. */
const SOURCES = ['conn', 'dns', 'http', 'ssl', 'files'] as const;

/** A threat-intel match on something the store saw: an alert carrying the feed's context. */
export interface IntelAlert {
  /** When the observable was first seen (epoch seconds) and in which connection. */
  ts: number;
  uid: string;
  kind: IndicatorKind;
  observed: string;
  /** Rows of the store in which it appeared. */
  seen: number;
  category: string;
  indicator: string;
  context: Record<string, string>;
  /** ISO country of an IP observable when a GeoIP lookup is given, else ''. */
  country: string;
}

function sql(name: string): string {
  return readFileSync(new URL(`./${name}.sql`, import.meta.url), 'utf8').replace(/^--.*\n/gm, '');
}

/**
 * Matches every IP (both ends of connections, DNS answers), domain (DNS
 * queries, HTTP hosts, TLS SNI), URL (HTTP host + target) and file hash in
 * the store against the indexes. Each indicator is judged valid or expired
 * at the time it was first seen, so old captures meet the intel of their day.
 * Alerts come in order of first sight (deterministic for the same inputs).
 */
export async function matchStore(store: Store, indexes: readonly IntelIndex[], country: (ip: string) => string = () => ''): Promise<IntelAlert[]> {
  const tables = new Set(await store.tables());
  const sources = SOURCES.filter((t) => tables.has(t)).map((t) => sql(`observe-${t}`));
  if (sources.length === 0) return [];
  const rows = await store.all(sql('observables').replace('{sources}', () => sources.join('\nUNION ALL\n')));
  return matchObservables(rows, indexes, country);
}

/**
 * Matches observable rows (value, kind, first_ts, uid, seen: the columns of `observables.sql`)
 * against the indexes, each indicator judged at the row's first sight.
 */
export function matchObservables(rows: readonly Row[], indexes: readonly IntelIndex[], country: (ip: string) => string = () => ''): IntelAlert[] {
  const alerts: IntelAlert[] = [];
  for (const row of rows) {
    const value = String(row.value);
    const kind = row.kind as IndicatorKind;
    const ts = Number(row.first_ts);
    const observed = { ips: kind === 'ip' ? [value] : [], domains: kind === 'domain' ? [value] : [], urls: kind === 'url' ? [value] : [], hashes: kind === 'hash' ? [value] : [] };
    for (const index of indexes) {
      for (const match of matchIndicators(index, observed, { at: ts })) {
        alerts.push({
          ts, uid: String(row.uid ?? ''), kind, observed: value, seen: Number(row.seen), category: match.category,
          indicator: match.indicator, context: match.context, country: kind === 'ip' ? country(value) : '',
        });
      }
    }
  }
  return alerts;
}
