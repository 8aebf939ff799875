import { InputError } from '../../cli/command.js';
import { escapeTerminal } from '../../util/escape.js';

/** Where a ClickHouse store lives: its HTTP endpoint, database and credentials. */
export interface ClickHouseTarget {
  /** `http://host:port/` (the HTTP interface, no path). */
  endpoint: string;
  database: string;
  user?: string;
  password?: string;
}

/** True for a store spec naming ClickHouse (`clickhouse://…`, or an http(s) URL). */
export function isClickHouseUrl(spec: string): boolean {
  return /^(clickhouse|https?):\/\//i.test(spec);
}

/**
 * Parses `clickhouse://[user[:password]@]HOST[:PORT]/DB` (port 8123 by default; `http://` and
 * `https://` are accepted as well). The database name must be a plain identifier.
 * @example parseClickHouseUrl('clickhouse://127.0.0.1:8123/tracer').database // 'tracer'
 */
export function parseClickHouseUrl(spec: string): ClickHouseTarget {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new InputError(`Cannot parse store URL ${escapeTerminal(spec)}: expected clickhouse://HOST:PORT/DB`);
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (!['clickhouse', 'http', 'https'].includes(scheme)) throw new InputError(`Cannot parse store URL ${escapeTerminal(spec)}: unknown scheme "${escapeTerminal(scheme)}"`);
  const database = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, '')) || 'default';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new InputError(`Cannot parse store URL ${escapeTerminal(spec)}: database name must be letters, digits and _`);
  const port = url.port || (scheme === 'https' ? '8443' : '8123');
  return {
    endpoint: `${scheme === 'https' ? 'https' : 'http'}://${url.hostname}:${port}/`,
    database,
    ...(url.username && { user: decodeURIComponent(url.username) }),
    ...(url.password && { password: decodeURIComponent(url.password) }),
  };
}

/** The target as a URL without the password, for messages. */
export function describeTarget(t: ClickHouseTarget): string {
  return `clickhouse://${t.user ? `${t.user}@` : ''}${t.endpoint.replace(/^https?:\/\//, '').replace(/\/$/, '')}/${t.database}`;
}
