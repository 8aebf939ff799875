import { readFileSync } from 'node:fs';
import type { Row, SqlParams, Store } from '../store/duckdb.js';

/** The text of `sql/<name>.sql` beside this module (copied into dist/ by the build). */
export function reportSql(name: string): string {
  return readFileSync(new URL(`./sql/${name}.sql`, import.meta.url), 'utf8');
}

/**
 * Runs `sql/<name>.sql` when every table it reads exists in the store; a store
 * without that stream (no DNS seen, never ingested) gives no rows.
 */
export async function queryReport(store: Store, tables: readonly string[], name: string, needs: string, params?: SqlParams): Promise<Row[]> {
  if (!tables.includes(needs)) return [];
  return store.all(reportSql(name), params);
}

/** A row value as a finite number (null and text that is not a number give 0). */
export function num(v: unknown): number {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
}
