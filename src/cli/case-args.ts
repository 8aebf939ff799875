import { parseArgs, type ParseArgsConfig } from 'node:util';
import { NotFoundError, ValidationError, VersionConflictError } from '../case/errors.js';
import { CaseStore } from '../case/store.js';
import { DEFAULT_DB_PATH, openStore, type Store } from '../store/duckdb.js';
import { InputError, UsageError } from './command.js';

/** Options every `tracer case` sub-command takes. */
const COMMON_OPTIONS = { db: { type: 'string' }, case: { type: 'string' } } as const;

/** `parseArgs` for `tracer case <sub>`: errors are one-line UsageErrors naming the sub-command. */
export function parseCaseArgs<T extends ParseArgsConfig['options']>(argv: string[], options: T, sub: string) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`case ${sub}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** The case id from `--case ID` or the first positional argument. */
export function caseIdArg(values: { case?: string }, positionals: string[], sub: string): string {
  const id = values.case ?? positionals[0];
  if (!id) throw new UsageError(`case ${sub}: which case? give --case ID (see "tracer case list")`);
  return id;
}

/** How long a case command waits for another process's lock on the store file (DuckDB allows one writer process). */
const LOCK_WAIT_MS = 10_000;
/** Pause between attempts to take the store's lock. */
const LOCK_RETRY_MS = 100;

/** Opens the store, waiting up to LOCK_WAIT_MS while another tracer process holds its lock. */
async function openWhenFree(path: string): Promise<Store> {
  for (let waited = 0; ; waited += LOCK_RETRY_MS) {
    try {
      return await openStore(path);
    } catch (err) {
      if (!(err instanceof InputError && /lock/i.test(err.message)) || waited >= LOCK_WAIT_MS) throw err;
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    }
  }
}

/**
 * Opens the case store named by --db (default ./tracer.duckdb) and runs `work`
 * with it, closing it after. Another process holding the store is waited for,
 * and edits apply to the latest version, so concurrent commands lose nothing.
 */
export async function withCases<T>(db: string | undefined, work: (cases: CaseStore) => Promise<T>): Promise<T> {
  const store = await openWhenFree(db ?? DEFAULT_DB_PATH);
  try {
    return await work(await CaseStore.open(store));
  } finally {
    await store.close();
  }
}

/** Runs a case operation, turning validation, not-found and conflict errors into one-line usage errors. */
export async function asUsage<T>(sub: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ValidationError || err instanceof RangeError || err instanceof NotFoundError || err instanceof VersionConflictError) throw new UsageError(`case ${sub}: ${err.message}`);
    throw err;
  }
}
