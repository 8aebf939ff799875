import { tsharkFields } from '../tshark-fields.js';

/** Separates repeated values of one field (a byte that cannot occur in tshark's text output, unlike `,`). */
const AGGREGATOR = '\u001f';

/** One frame's requested fields by name; repeated fields are arrays (empty when absent). */
export type FieldRow = Record<string, string[]>;

/**
 * Test support: tshark fields (the oracle) by name, every occurrence kept
 * apart even when values contain commas (TXT strings, subjects).
 */
export function tsharkRows(file: string, filter: string, fields: readonly string[], extra: readonly string[] = []): FieldRow[] {
  return tsharkFields(file, [...fields], filter, ['-E', `aggregator=${AGGREGATOR}`, ...extra]).map((cells) => {
    const row: FieldRow = {};
    fields.forEach((f, i) => { row[f] = cells[i] ? cells[i].split(AGGREGATOR) : []; });
    return row;
  });
}

/** Bytes of a hex field such as `udp.payload` (tshark may print it with colons). */
export function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.replace(/:/g, ''), 'hex'));
}
