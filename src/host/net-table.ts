import { WeirdCounter } from '../util/weird.js';

/** One socket row of /proc/net/{tcp,udp}{,6}; addresses stay as hex positions until needed. */
export interface SocketRow {
  /** Socket inode: unique among live sockets, 0 for sockets without an owner (TIME_WAIT). */
  inode: number;
  /** Kernel state number (TCP: 1 ESTABLISHED … 10 LISTEN; UDP: 7 unconnected, 1 connected). */
  state: number;
  /** Owner uid as the kernel recorded it at socket creation. */
  uid: number;
  localPort: number;
  remotePort: number;
  /** Byte offset of the local address hex digits in the table buffer. */
  localHex: number;
  /** Byte offset of the remote address hex digits in the table buffer. */
  remoteHex: number;
}

/** Hex digits of an address: 8 for IPv4, 32 for IPv6. */
function addressHexLength(family: 4 | 6): number {
  return family === 4 ? 8 : 32;
}

/** Number of whitespace-separated columns before `uid` and `inode` (sl local rem st queues tr retrnsmt). */
const UID_COLUMN = 7;
const INODE_COLUMN = 9;

/**
 * Parses a /proc/net/{tcp,udp}{,6} table held in `buf[0, length)` into the
 * reused `rows` pool (grown as needed) and returns the row count. The header
 * line is skipped; a malformed line is counted as `proc_net_malformed_line`
 * and skipped, the rows before and after it kept.
 * @example const n = parseNetTable(scratch.buf, len, 4, rows, weird);
 */
export function parseNetTable(buf: Buffer, length: number, family: 4 | 6, rows: SocketRow[], weird: WeirdCounter): number {
  const hexLength = addressHexLength(family);
  let count = 0;
  let pos = buf.indexOf(10, 0);
  if (pos < 0 || pos >= length) return 0;
  pos++;
  while (pos < length) {
    let end = buf.indexOf(10, pos);
    if (end < 0 || end > length) end = length;
    if (count === rows.length) rows.push(emptyRow());
    if (parseLine(buf, pos, end, hexLength, rows[count])) count++;
    else if (end > pos) weird.add('proc_net_malformed_line');
    pos = end + 1;
  }
  return count;
}

/** A zeroed row for the pool. */
function emptyRow(): SocketRow {
  return { inode: 0, state: 0, uid: 0, localPort: 0, remotePort: 0, localHex: 0, remoteHex: 0 };
}

/** Fills `row` from the line `buf[start, end)`; false when the line does not have the expected shape. */
function parseLine(buf: Buffer, start: number, end: number, hexLength: number, row: SocketRow): boolean {
  let column = 0;
  let pos = start;
  while (pos < end) {
    while (pos < end && buf[pos] === 32) pos++;
    if (pos >= end) break;
    const fieldStart = pos;
    if (column === 1 || column === 2) pos = Math.min(end, pos + hexLength + 5);
    else while (pos < end && buf[pos] !== 32) pos++;
    if (pos < end && buf[pos] !== 32) return false;
    if (!parseField(buf, fieldStart, pos, column, hexLength, row)) return false;
    if (column++ === INODE_COLUMN) return true;
  }
  return false;
}

/** Decodes one column into `row`; false when it is not valid for its position. */
function parseField(buf: Buffer, start: number, end: number, column: number, hexLength: number, row: SocketRow): boolean {
  switch (column) {
    case 1:
    case 2: {
      if (end - start !== hexLength + 5 || buf[start + hexLength] !== 58) return false;
      const port = parseHex(buf, start + hexLength + 1, end);
      if (port < 0 || !isHex(buf, start, start + hexLength)) return false;
      if (column === 1) { row.localHex = start; row.localPort = port; } else { row.remoteHex = start; row.remotePort = port; }
      return true;
    }
    case 3:
      row.state = parseHex(buf, start, end);
      return row.state >= 0;
    case UID_COLUMN:
      row.uid = parseDecimal(buf, start, end);
      return row.uid >= 0;
    case INODE_COLUMN:
      row.inode = parseDecimal(buf, start, end);
      return row.inode >= 0;
    default:
      return true;
  }
}

/** Unsigned hex number in `buf[start, end)` (at most 8 digits), or -1. */
function parseHex(buf: Buffer, start: number, end: number): number {
  if (end <= start || end - start > 8) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = hexDigit(buf[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** Unsigned decimal in `buf[start, end)` (at most 15 digits, exact in a double), or -1. */
function parseDecimal(buf: Buffer, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}

/** True when `buf[start, end)` is all hex digits. */
function isHex(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (hexDigit(buf[i]) < 0) return false;
  return true;
}

/** Value of each ASCII hex digit by byte, -1 for every other byte. */
const HEX_VALUES = Int8Array.from({ length: 256 }, (_, c) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1));

/** Value of one ASCII hex digit, or -1. */
export function hexDigit(c: number): number {
  return c >= 0 && c < 256 ? HEX_VALUES[c] : -1;
}
