import { connSchema } from '../store/schema/conn.js';
import { dnsSchema } from '../store/schema/dns.js';
import { httpSchema } from '../store/schema/http.js';
import { noticeSchema } from '../store/schema/notice.js';
import { sshSchema } from '../store/schema/ssh.js';
import { sslSchema } from '../store/schema/ssl.js';
import { columnName, type LogSchema } from '../store/schema/types.js';

/** Zeek log paths read 1:1 into the stream of the same name. */
export const ZEEK_STREAMS: ReadonlyMap<string, LogSchema> = new Map(
  [connSchema, dnsSchema, httpSchema, sslSchema, sshSchema, noticeSchema].map((s) => [s.name, s]),
);

const PATH_IN_NAME = /(?:^|[^a-z])(conn|dns|http|ssl|ssh|notice)(?:[^a-z]|$)/;

/** The stream a Zeek log file holds, guessed from its name (`conn.log`, `rita_json_dns.log`) when the log does not say. */
export function zeekPathFromName(file: string): string | null {
  return PATH_IN_NAME.exec(file.toLowerCase())?.[1] ?? null;
}

const COLUMN_SETS = new Map([...ZEEK_STREAMS.values()].map((s) => [s.name, new Set(s.fields.map((f) => columnName(f)))]));

/** Column names of a Zeek stream, for telling which fields of a log have no column (built once). */
export function columnSet(schema: LogSchema): ReadonlySet<string> {
  return COLUMN_SETS.get(schema.name) ?? new Set(schema.fields.map((f) => columnName(f)));
}

/** Zeek field names seen so far → column names (a log uses a few dozen names; no regex per field per line). */
const COLUMN_NAMES = new Map<string, string>();
/** Names cached at most: JSON keys are attacker-controlled, the cache must not grow without end. */
const MAX_CACHED_NAMES = 4096;

/** `columnName(name)`, cached. */
export function cachedColumnName(name: string): string {
  let column = COLUMN_NAMES.get(name);
  if (column === undefined) {
    column = columnName(name);
    if (COLUMN_NAMES.size < MAX_CACHED_NAMES) COLUMN_NAMES.set(name, column);
  }
  return column;
}
