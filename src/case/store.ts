import { readFileSync } from 'node:fs';
import type { Store } from '../store/duckdb.js';
import { currentActor } from './actor.js';
import { diff, type Change } from './diff.js';
import { NotFoundError, VersionConflictError } from './errors.js';
import type { Case, Detection, StoredCase } from './model.js';
import { caseId, newCase } from './new-case.js';
import { undoState, type TimelineEntry } from './undo.js';

const CASE_TABLES_SQL = readFileSync(new URL('./case-tables.sql', import.meta.url), 'utf8');

/** Times a write without an expected version is re-applied when another writer got in first. */
const MAX_WRITE_RETRIES = 5;
/** Most suffixes tried when two cases open in the same second (`CASE_…_2`, `_3`, …). */
const MAX_ID_SUFFIX = 1000;

/** One row of a case's history. */
export interface HistoryEntry extends TimelineEntry { version: number; actor: string; at: string; changes: Change[] }

/** Options of a write: who makes it, and the version the caller read (omit to apply to the latest). */
export interface WriteOptions { actor?: string; expectedVersion?: number }

/** Reads and writes cases in the embedded store, every write a transaction with its history row. */
export class CaseStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly store: Store, private readonly now: () => Date) {}

  /** Creates the case tables if needed. `now` is the clock (injectable for tests). */
  static async open(store: Store, now: () => Date = () => new Date()): Promise<CaseStore> {
    await store.run(CASE_TABLES_SQL);
    return new CaseStore(store, now);
  }

  /** Opens a new case for a detection; its id follows the original (`CASE_YYYYMMDD_HHMMSS`). */
  create(detection: Detection, options: WriteOptions = {}, seed?: (doc: Case) => Case): Promise<StoredCase> {
    return this.exclusive(async () => {
      const openedAt = this.now();
      const doc = (seed ?? ((d: Case) => d))(newCase(await this.freeId(caseId(openedAt)), detection, openedAt));
      return this.transaction(async () => {
        await this.insert(doc, 1);
        await this.record(doc.id, 1, options.actor, 'create', null, doc);
        return { version: 1, updatedAt: openedAt.toISOString(), case: doc };
      });
    });
  }

  /** Stores a case document as it is (import); fails if its id is taken. */
  importCase(doc: Case, options: WriteOptions = {}): Promise<StoredCase> {
    return this.exclusive(() => this.transaction(async () => {
      if (await this.idTaken(doc.id)) throw new VersionConflictError(doc.id, (await this.get(doc.id))?.version ?? 0);
      await this.insert(doc, 1);
      await this.record(doc.id, 1, options.actor, 'import', null, doc);
      return { version: 1, updatedAt: this.now().toISOString(), case: doc };
    }));
  }

  /** The case with its version, or undefined. */
  async get(id: string): Promise<StoredCase | undefined> {
    const rows = await this.store.all('SELECT version, updated_at, doc FROM cases WHERE id = ?', [id]);
    if (rows.length === 0) return undefined;
    return { version: Number(rows[0].version), updatedAt: String(rows[0].updated_at), case: JSON.parse(String(rows[0].doc)) as Case };
  }

  /** Every case, most recently changed first. */
  async list(): Promise<StoredCase[]> {
    const rows = await this.store.all('SELECT version, updated_at, doc FROM cases ORDER BY updated_at DESC, id');
    return rows.map((r) => ({ version: Number(r.version), updatedAt: String(r.updated_at), case: JSON.parse(String(r.doc)) as Case }));
  }

  /**
   * Applies `change` to the latest document and stores it as the next version
   * with a history row. With `expectedVersion`, a different stored version is a
   * VersionConflictError; without, a concurrent write is retried on the new latest.
   */
  update(id: string, action: string, change: (doc: Case) => Case, options: WriteOptions = {}): Promise<StoredCase> {
    return this.exclusive(async () => {
      for (let attempt = 0; ; attempt++) {
        const current = await this.get(id);
        if (!current) throw new NotFoundError(`no case "${id}"`);
        if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) throw new VersionConflictError(id, current.version);
        const next = change(current.case);
        if (diff(current.case, next).length === 0) return current;
        const written = await this.transaction(() => this.writeVersion(current, next, action, options.actor));
        if (written) return written;
        if (options.expectedVersion !== undefined || attempt >= MAX_WRITE_RETRIES) throw new VersionConflictError(id, (await this.get(id))?.version ?? 0);
      }
    });
  }

  /** Deletes a case; its history stays, ending with a `delete` row. */
  remove(id: string, options: WriteOptions = {}): Promise<void> {
    return this.exclusive(async () => {
      const current = await this.get(id);
      if (!current) throw new NotFoundError(`no case "${id}"`);
      if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) throw new VersionConflictError(id, current.version);
      await this.transaction(async () => {
        await this.store.run('DELETE FROM cases WHERE id = ?', [id]);
        await this.record(id, current.version + 1, options.actor, 'delete', current.case, null);
      });
    });
  }

  /** The case's changes, oldest first. */
  async history(id: string): Promise<HistoryEntry[]> {
    const rows = await this.store.all('SELECT version, actor, changed_at, action, changes, before_doc, after_doc FROM case_history WHERE case_id = ? ORDER BY version', [id]);
    return rows.map((r) => ({
      version: Number(r.version), actor: String(r.actor), at: String(r.changed_at), action: String(r.action),
      changes: JSON.parse(String(r.changes)) as Change[],
      before: r.before_doc === null ? null : JSON.parse(String(r.before_doc)) as Case,
      after: r.after_doc === null ? null : JSON.parse(String(r.after_doc)) as Case,
    }));
  }

  /** Undoes (or redoes) the latest change, as an editor would; NotFoundError when there is nothing to undo. */
  async step(id: string, action: 'undo' | 'redo', options: WriteOptions = {}): Promise<StoredCase> {
    const target = undoState((await this.history(id)).filter((e) => e.action !== 'delete'))[action];
    if (!target) throw new NotFoundError(`case "${id}": nothing to ${action}`);
    return this.update(id, action, () => target, options);
  }

  private async writeVersion(current: StoredCase, next: Case, action: string, actor?: string): Promise<StoredCase | undefined> {
    const version = current.version + 1;
    const updatedAt = this.now().toISOString();
    const rows = await this.store.all('UPDATE cases SET version = ?, status = ?, updated_at = ?, doc = ? WHERE id = ? AND version = ? RETURNING version',
      [version, next.status, updatedAt, JSON.stringify(next), next.id, current.version]);
    if (rows.length === 0) return undefined;
    await this.record(next.id, version, actor, action, current.case, next);
    return { version, updatedAt, case: next };
  }

  private async insert(doc: Case, version: number): Promise<void> {
    await this.store.run('INSERT INTO cases VALUES (?, ?, ?, ?, ?)', [doc.id, version, doc.status, this.now().toISOString(), JSON.stringify(doc)]);
  }

  private async record(id: string, version: number, actor: string | undefined, action: string, before: Case | null, after: Case | null): Promise<void> {
    await this.store.run('INSERT INTO case_history VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      id, version, actor ?? currentActor(), this.now().toISOString(), action,
      JSON.stringify(diff(before, after)), before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null,
    ]);
  }

  private async idTaken(id: string): Promise<boolean> {
    const rows = await this.store.all('SELECT 1 FROM case_history WHERE case_id = ? LIMIT 1', [id]);
    return rows.length > 0;
  }

  private async freeId(base: string): Promise<string> {
    for (let n = 1; n <= MAX_ID_SUFFIX; n++) {
      const id = n === 1 ? base : `${base}_${n}`;
      if (!(await this.idTaken(id))) return id;
    }
    throw new RangeError(`more than ${MAX_ID_SUFFIX} cases opened at ${base}`);
  }

  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.store.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.store.run('COMMIT');
      return result;
    } catch (err) {
      await this.store.run('ROLLBACK');
      throw err;
    }
  }

  /** Runs `work` after every earlier write of this process (one connection, one transaction at a time). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
