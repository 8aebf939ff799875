/**
 * Log-stream schemas. One file per stream lists its fields with a Zeek type and
 * a one-line doc; the DuckDB/ClickHouse DDL, the exports (Zeek TSV/JSON, CSV,
 * Parquet, NDJSON) and report columns are all generated from these.
 */

/** Zeek type names, as they appear on a Zeek TSV `#types` line. */
export type FieldType =
  | 'time' | 'interval' | 'string' | 'addr' | 'subnet' | 'port' | 'count' | 'int' | 'double' | 'bool' | 'enum'
  | 'set[string]' | 'vector[string]' | 'vector[interval]' | 'vector[count]';

/** One field of a log stream. */
export interface FieldDef {
  /** Zeek's name, dots included (`id.orig_h`). */
  name: string;
  type: FieldType;
  /** One line: what the field means. */
  doc: string;
}

/** One log stream (conn, dns, http, weird…): a table in the store, a file on export. */
export interface LogSchema {
  /** Stream name: the table name and the Zeek `#path`. */
  name: string;
  doc: string;
  fields: FieldDef[];
}

/** Column name in the store and key in record objects: the Zeek name with dots as underscores. */
export function columnName(field: FieldDef | string): string {
  const name = typeof field === 'string' ? field : field.name;
  return name.replace(/\./g, '_');
}

/** A record of a stream: keyed by column name; null for an unset (`-`) value. */
export type LogRecord = Record<string, string | number | boolean | null | readonly (string | number)[]>;
