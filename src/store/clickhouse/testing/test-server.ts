import { randomBytes } from 'node:crypto';
import { ClickHouseClient } from '../client.js';
import { quoteId } from '../escape.js';
import { parseClickHouseUrl } from '../url.js';

/** Environment variable with the test server's URL (set by .ci/run via scripts/clickhouse-local.sh). */
export const TEST_URL_ENV = 'TRACER_CLICKHOUSE_URL';

/** Why ClickHouse tests are skipped, or null when a test server is configured. */
export const clickhouseSkipReason: string | null = process.env[TEST_URL_ENV]
  ? null
  : `${TEST_URL_ENV} is not set: start a server with scripts/clickhouse-local.sh start and export the URL it prints`;

/** A fresh database URL on the test server (`…/tracer_test_<tag>_<random>`), for one test. */
export function freshClickHouseUrl(tag: string): string {
  const url = new URL(process.env[TEST_URL_ENV] ?? 'http://127.0.0.1:18123/tracer_test');
  const base = url.pathname.replace(/^\/+|\/+$/g, '') || 'tracer_test';
  url.pathname = `/${base}_${tag}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

/** Drops a test database. */
export async function dropClickHouseDatabase(spec: string): Promise<void> {
  const target = parseClickHouseUrl(spec);
  const client = new ClickHouseClient(target);
  await client.retrying(() => client.text(`DROP DATABASE IF EXISTS ${quoteId(target.database)}`));
}
