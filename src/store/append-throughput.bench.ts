/**
 * Conn rows per second through the store writer (in-memory DuckDB).
 * Run: `npx tsx src/store/append-throughput.bench.ts [rows]`.
 */
import { openStore } from './duckdb.js';
import { connSchema } from './schema/conn.js';
import { sampleConn } from './test-records.js';

const total = Number(process.argv[2] ?? 1_000_000);
const store = await openStore(':memory:');
await store.ensure(connSchema);
const writer = store.writer(connSchema);
const records = Array.from({ length: 1000 }, (_, i) => sampleConn(i));
const t0 = performance.now();
for (let i = 0; i < total; i++) writer.append(records[i % 1000]);
writer.flush();
const seconds = (performance.now() - t0) / 1000;
console.log(`${total} conn rows in ${seconds.toFixed(2)} s: ${Math.round(total / seconds)} rows/s`);
await store.close();
