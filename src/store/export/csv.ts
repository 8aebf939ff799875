import { escapeCsvCell } from '../../util/escape.js';
import type { Row } from '../plain-row.js';
import { columnName, type FieldType } from '../schema/types.js';
import type { ExportContext, RowFormat } from './row-format.js';

/** Line end required by RFC 4180. */
const CRLF = '\r\n';

function cell(value: unknown, type: FieldType): string {
  if (value === null || value === undefined) return '';
  if (type === 'time' || type === 'interval') return Number(value).toFixed(6);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return escapeCsvCell(Array.isArray(value) ? value.join(',') : String(value));
}

/**
 * RFC 4180 CSV with a header of Zeek field names; text cells are guarded
 * against formula injection (see escapeCsvCell), unset values are empty.
 */
export function csvFormat(ctx: ExportContext): RowFormat {
  const { fields } = ctx.schema;
  const columns = fields.map((f) => columnName(f));
  return {
    header: () => fields.map((f) => escapeCsvCell(f.name)).join(',') + CRLF,
    row: (r: Row) => fields.map((f, i) => cell(r[columns[i]], f.type)).join(',') + CRLF,
    footer: () => '',
  };
}
