import type { Row } from '../plain-row.js';
import { columnName } from '../schema/types.js';
import type { ExportContext, RowFormat } from './row-format.js';

/**
 * Zeek JSON log (one object per line, as Zeek's `LogAscii::use_json`): Zeek's
 * dotted field names, ts as epoch seconds, unset fields left out.
 */
export function zeekJsonFormat(ctx: ExportContext): RowFormat {
  const fields = ctx.schema.fields.map((f) => ({ name: f.name, column: columnName(f) }));
  return {
    header: () => '',
    row: (r: Row) => {
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        const v = r[f.column];
        if (v !== null && v !== undefined) out[f.name] = v;
      }
      return JSON.stringify(out) + '\n';
    },
    footer: () => '',
  };
}
