import type { Row } from '../plain-row.js';
import { columnName } from '../schema/types.js';
import type { ExportContext, RowFormat } from './row-format.js';
import { ZEEK_EMPTY, ZEEK_SEPARATOR, ZEEK_SET_SEPARATOR, ZEEK_UNSET, zeekTsvValue } from './zeek-value.js';

/** Zeek's #open/#close stamp (`2019-02-25-18-47-12`), in UTC. */
export function zeekStamp(ts: number | null): string {
  const iso = new Date(Math.floor(ts ?? 0) * 1000).toISOString();
  return iso.slice(0, 19).replace(/[T:]/g, '-');
}

/**
 * Zeek TSV log, header and footer exactly as Zeek writes them. #open and
 * #close carry the first and last record's network time (not the wall clock),
 * so that the same store always exports the same bytes.
 */
export function zeekTsvFormat(ctx: ExportContext): RowFormat {
  const { schema } = ctx;
  const columns = schema.fields.map((f) => columnName(f));
  return {
    header: () => [
      '#separator \\x09',
      `#set_separator${ZEEK_SEPARATOR}${ZEEK_SET_SEPARATOR}`,
      `#empty_field${ZEEK_SEPARATOR}${ZEEK_EMPTY}`,
      `#unset_field${ZEEK_SEPARATOR}${ZEEK_UNSET}`,
      `#path${ZEEK_SEPARATOR}${schema.name}`,
      `#open${ZEEK_SEPARATOR}${zeekStamp(ctx.firstTs)}`,
      '#fields' + schema.fields.map((f) => ZEEK_SEPARATOR + f.name).join(''),
      '#types' + schema.fields.map((f) => ZEEK_SEPARATOR + f.type).join(''),
      '',
    ].join('\n'),
    row: (r: Row) => schema.fields.map((f, i) => zeekTsvValue(r[columns[i]], f.type)).join(ZEEK_SEPARATOR) + '\n',
    footer: () => `#close${ZEEK_SEPARATOR}${zeekStamp(ctx.lastTs)}\n`,
  };
}
