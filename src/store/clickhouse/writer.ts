import type { StreamWriter } from '../appender.js';
import { columnName, type LogRecord, type LogSchema } from '../schema/types.js';
import type { BatchQueue } from './batches.js';
import { ENCODERS, RowBinarySink } from './row-binary.js';

/** Rows per insert batch: few parts, and far below ClickHouse's 1,048,576-row block (one block inserts atomically). */
export const BATCH_ROWS = 100_000;
/** Bytes per insert batch, whichever limit comes first. */
export const BATCH_BYTES = 16 << 20;

/**
 * A writer of one stream into ClickHouse: records are encoded as RowBinary rows (the schema's
 * columns, then `_batch` and `_row`) and queued as batches. Scalars are Nullable (flag byte);
 * arrays are not, so an unset list is written as [].
 */
export function createClickHouseWriter(schema: LogSchema, queue: BatchQueue): StreamWriter {
  const columns = schema.fields.map((f) => columnName(f));
  const encoders = schema.fields.map((f) => ENCODERS[f.type]);
  const arrays = schema.fields.map((f) => f.type.includes('['));
  const sink = new RowBinarySink();
  let rows = 0;
  let batch = '';

  function flush(): void {
    if (rows === 0) return;
    queue.push({ table: schema.name, id: batch, columns, rows, body: sink.take() });
    rows = 0;
  }
  function append(rec: LogRecord): void {
    if (rows === 0) batch = queue.nextId();
    for (let i = 0; i < columns.length; i++) {
      const v = rec[columns[i]];
      const empty = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
      if (arrays[i]) {
        if (empty) sink.varint(0);
        else encoders[i](sink, v);
      } else if (empty) {
        sink.u8(1);
      } else {
        sink.u8(0);
        encoders[i](sink, v);
      }
    }
    sink.string(batch);
    sink.u32(rows);
    if (++rows >= BATCH_ROWS || sink.length >= BATCH_BYTES) flush();
  }
  return { append, flush };
}
