import type { Row } from '../plain-row.js';
import { columnName } from '../schema/types.js';
import type { ExportContext, RowFormat } from './row-format.js';

/** Newline-delimited JSON with the store's column names (`id_orig_h`), every column present, null when unset. */
export function ndjsonFormat(ctx: ExportContext): RowFormat {
  const columns = ctx.schema.fields.map((f) => columnName(f));
  return {
    header: () => '',
    row: (r: Row) => {
      const out: Record<string, unknown> = {};
      for (const c of columns) out[c] = r[c] ?? null;
      return JSON.stringify(out) + '\n';
    },
    footer: () => '',
  };
}
