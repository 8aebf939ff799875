import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WeirdCounter } from '../util/weird.js';
import { formatHexAddress } from './hex-address.js';
import { parseNetTable, type SocketRow } from './net-table.js';

const seconds = Number(process.env.FUZZ_SECONDS ?? 3);
const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
const ROW = '   1: 0100007F:A1B2 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 98765 1 0 20 4 30 10 -1\n';

describe('parseNetTable fuzz', () => {
  it('never throws on mutated tables and only returns well-formed rows', () => {
    const table = fc.tuple(fc.array(fc.oneof(fc.constant(ROW), fc.string(), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))), { maxLength: 20 }), fc.constantFrom<4 | 6>(4, 6));
    fc.assert(fc.property(table, ([lines, family]) => {
      const buf = Buffer.from(HEADER + lines.join('\n'), 'latin1');
      const rows: SocketRow[] = [];
      const count = parseNetTable(buf, buf.length, family, rows, new WeirdCounter());
      for (const row of rows.slice(0, count)) {
        expect(row.localPort).toBeLessThan(65536);
        expect(Number.isSafeInteger(row.inode)).toBe(true);
        expect(typeof formatHexAddress(buf, row.remoteHex, family, true)).toBe('string');
      }
    }), { interruptAfterTimeLimit: seconds * 1000, numRuns: 1_000_000 });
  });
});
