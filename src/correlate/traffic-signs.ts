import { count } from '../detect/sql-detector.js';
import type { Store } from '../store/duckdb.js';
import { pushTo } from '../util/push-to.js';
import type { Sign } from './compromise.js';
import { clock } from './kinds.js';
import { listParam } from './list-param.js';
import { correlateSql } from './sql-file.js';

/** An attacked internal host to check in the connection records: `key` names it within its incident. */
export interface Candidate {
  key: string;
  host: string;
  /** When it was first attacked. */
  since: number;
  attackers: string[];
}

/**
 * Signs only the connection records show, for every candidate at once (two queries however many
 * hosts): connections back to one of its attackers, and many external peers it never had before.
 */
export async function trafficSigns(store: Store, candidates: readonly Candidate[]): Promise<Map<string, Sign[]>> {
  const signs = new Map<string, Sign[]>();
  if (candidates.length === 0) return signs;
  const json = listParam(store, candidates, ['key', 'host', 'since', 'attackers']);
  for (const row of await store.all(correlateSql('contacts-back', store), { candidates: json })) {
    pushTo(signs, String(row.key), {
      weight: 0.45, ts: Number(row.first), behaviour: true,
      reason: `opened ${count(row.connections)} connection(s) back to the attacker ${row.attacker} from ${clock(Number(row.first))} (port ${(row.ports as number[]).join(', ')})`,
    });
  }
  for (const row of await store.all(correlateSql('new-peers', store), { candidates: json })) {
    if (Number(row.old_peers) === 0 || Number(row.new_peers) < 3) continue;
    pushTo(signs, String(row.key), {
      weight: 0.15, ts: Number(row.first_new), behaviour: true,
      reason: `contacted ${count(row.new_peers)} external hosts it had not contacted before, from ${clock(Number(row.first_new))}`,
    });
  }
  return signs;
}
