import { InputError } from '../../cli/command.js';
import { escapeTerminal } from '../../util/escape.js';
import { DEFAULT_DB_PATH, openExistingStore, openStore, type Store } from '../duckdb.js';
import type { ClickHouseStoreOptions } from './store.js';
import { describeTarget, isClickHouseUrl, parseClickHouseUrl } from './url.js';

/** Environment variable naming the store when no --store/--db is given. */
export const STORE_ENV = 'TRACER_STORE';

/**
 * The store a command uses: `--store`, else `--db`, else $TRACER_STORE, else ./tracer.duckdb.
 * @example storeSpec({ store: 'clickhouse://127.0.0.1:8123/tracer' })
 */
export function storeSpec(flags: { store?: string; db?: string }, env: NodeJS.ProcessEnv = process.env): string {
  return flags.store ?? flags.db ?? (env[STORE_ENV] || DEFAULT_DB_PATH);
}

/** The store spec for messages: a ClickHouse URL without its password. */
export function displayStore(spec: string): string {
  return isClickHouseUrl(spec) ? describeTarget(parseClickHouseUrl(spec)) : spec;
}

/**
 * Opens the store named by `spec`: a DuckDB file path (`:memory:` too), or
 * `clickhouse://HOST:PORT/DB`. With `existing`, a store that does not exist yet is an
 * InputError (queries and exports); otherwise it is created (ingest).
 */
export async function openStoreFromUrl(spec: string, opts: { existing?: boolean } & ClickHouseStoreOptions = {}): Promise<Store> {
  if (!isClickHouseUrl(spec)) return opts.existing ? openExistingStore(spec) : openStore(spec);
  // Loaded on demand: DuckDB commands need none of the ClickHouse client.
  const { ClickHouseStore } = await import('./store.js');
  const store = new ClickHouseStore(parseClickHouseUrl(spec), opts);
  try {
    if (opts.existing) {
      if (!(await store.exists())) throw new InputError(`${describeTarget(store.target)}: no such database; run "tracer ingest --store ${escapeTerminal(spec)} <captures>" first`);
    } else {
      await store.init();
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${describeTarget(store.target)}: cannot open store: ${escapeTerminal((err as Error).message)}`);
  }
  return store;
}
