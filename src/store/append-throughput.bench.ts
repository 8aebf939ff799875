/**
 * Conn rows per second through the store writer (in-memory DuckDB), per
 * wall-clock second and per CPU second of the process (the fair figure on a
 * shared machine); exits 1 when the CPU rate is below the 200k rows/s target.
 * Run: `npx tsx src/store/append-throughput.bench.ts [rows]`.
 */
import { openStore } from './duckdb.js';
import { connSchema } from './schema/conn.js';
import { sampleConn } from './test-records.js';

/** Rows per second the store must sustain (issue 2). */
const TARGET_ROWS_PER_SECOND = 200_000;

const total = Number(process.argv[2] ?? 1_000_000);
const store = await openStore(':memory:');
await store.ensure(connSchema);
const writer = store.writer(connSchema);
const records = Array.from({ length: 1000 }, (_, i) => sampleConn(i));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < total; i++) writer.append(records[i % 1000]);
writer.flush();
const wall = (performance.now() - t0) / 1000;
const used = process.cpuUsage(cpu0);
const cpu = (used.user + used.system) / 1e6;
console.log(`${total} conn rows: ${Math.round(total / wall)} rows/s wall (${wall.toFixed(2)} s), ${Math.round(total / cpu)} rows per CPU second (${cpu.toFixed(2)} s)`);
await store.close();
if (total / cpu < TARGET_ROWS_PER_SECOND) process.exitCode = 1;
