import { randomBytes } from 'node:crypto';
import { backoff, ClickHouseError, DEFAULT_RETRY, type ClickHouseClient, type RetryPolicy } from './client.js';
import { quoteId, sqlLiteral } from './escape.js';

/** One insert batch: rows of one table in RowBinary (its columns, then `_batch` = id and `_row`). */
export interface Batch {
  table: string;
  id: string;
  columns: readonly string[];
  rows: number;
  body: Buffer;
}

/**
 * Inserts batches one after another, in the order they were queued, retrying each with
 * back-off. A batch is never lost or doubled: it is sent with its id as the query id (a copy
 * cannot run while the first is still running), and after an ambiguous failure (the request
 * may have reached the server) the retry first waits for that query to end and counts the rows
 * carrying the batch id: all there means done, none means send again.
 */
export class BatchQueue {
  private tail: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private seq = 0;
  private queued = 0;
  private readonly prefix = Date.now().toString(36).padStart(9, '0') + '-' + randomBytes(4).toString('hex');

  constructor(private readonly client: ClickHouseClient, private readonly database: string, private readonly policy: RetryPolicy = DEFAULT_RETRY) {}

  /** A new batch id: unique, and sorting in the order batches were started. */
  nextId(): string {
    return `${this.prefix}-${String(this.seq++).padStart(10, '0')}`;
  }

  /** Rows waiting to be sent. */
  get pendingRows(): number {
    return this.queued;
  }

  /** Queues a batch; its failure (after the retries) is reported by the next `drain()`. */
  push(batch: Batch): void {
    if (batch.rows === 0) return;
    this.queued += batch.rows;
    this.tail = this.tail.then(async () => {
      try {
        if (!this.failure) await this.insert(batch);
      } catch (err) {
        this.failure ??= err instanceof Error ? err : new Error(String(err));
      } finally {
        this.queued -= batch.rows;
      }
    });
  }

  /** Waits until every queued batch is stored; throws the first batch failure. */
  async drain(): Promise<void> {
    await this.tail;
    if (this.failure) throw this.failure;
  }

  private async insert(b: Batch): Promise<void> {
    const table = `${quoteId(this.database)}.${quoteId(b.table)}`;
    const columns = [...b.columns.map(quoteId), '_batch', '_row'].join(', ');
    for (let n = 0; ; n++) {
      try {
        await this.client.text(`INSERT INTO ${table} (${columns}) FORMAT RowBinary`, b.body, { query_id: b.id });
        return;
      } catch (err) {
        if (!(err instanceof ClickHouseError) || !err.retriable || n + 1 >= this.policy.attempts) {
          throw new ClickHouseError(`insert into ${b.table} failed (${b.rows} rows, batch ${b.id}): ${(err as Error).message}`, err instanceof ClickHouseError ? err.code : null, false);
        }
        await backoff(this.policy, n);
        const stored = await this.client.retrying(() => this.storedRows(table, b.id), this.policy);
        if (stored === b.rows) return;
        if (stored !== 0) throw new ClickHouseError(`insert into ${b.table}: batch ${b.id} is partly stored (${stored} of ${b.rows} rows)`, null, false);
      }
    }
  }

  /** Rows of batch `id` in `table`, once no query with that id is running any more. */
  private async storedRows(table: string, id: string): Promise<number> {
    for (let n = 0; ; n++) {
      const running = Number(await this.client.text(`SELECT count() FROM system.processes WHERE query_id = ${sqlLiteral(id)}`));
      if (running === 0) break;
      await backoff(this.policy, Math.min(n, 4));
    }
    return Number(await this.client.text(`SELECT count() FROM ${table} WHERE _batch = ${sqlLiteral(id)}`));
  }
}
