import type { Row } from '../plain-row.js';
import type { LogSchema } from '../schema/types.js';

/** Export formats Tracer writes. */
export const EXPORT_FORMATS = ['zeek-tsv', 'zeek-json', 'csv', 'ndjson', 'parquet'] as const;
/** One of EXPORT_FORMATS. */
export type ExportFormat = typeof EXPORT_FORMATS[number];

/** What a text exporter knows before the first row. */
export interface ExportContext {
  schema: LogSchema;
  /** Network time of the first and last exported record (Zeek's #open/#close), or null when none. */
  firstTs: number | null;
  lastTs: number | null;
}

/** Turns store rows into the lines of one text format. */
export interface RowFormat {
  /** Text before the first row (may be empty). */
  header(): string;
  /** One row, newline included. */
  row(r: Row): string;
  /** Text after the last row (may be empty). */
  footer(): string;
}
