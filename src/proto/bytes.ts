/** Small byte-scanning helpers shared by the text protocol parsers (HTTP, FTP, SSH banners). */

const LF = 0x0a, CR = 0x0d;

/** Decodes `data[start, end)` as Latin-1 (one char per byte: lossless for any bytes). */
export function latin1(data: Uint8Array, start = 0, end = data.length): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1', start, end);
}

/** Index of the first LF in `data[start, start + limit)`, or -1 when there is none. */
export function findLineEnd(data: Uint8Array, start: number, limit: number): number {
  const end = Math.min(data.length, start + limit);
  for (let i = start; i < end; i++) if (data[i] === LF) return i;
  return -1;
}

/** End (exclusive) of a line's text before its LF, dropping a CR before it. */
export function lineTextEnd(data: Uint8Array, start: number, lf: number): number {
  return lf > start && data[lf - 1] === CR ? lf - 1 : lf;
}

/**
 * Index just past the blank line ending a header block starting at `start`
 * (CRLF CRLF or LF LF), searching at most `limit` bytes; -1 when not found.
 */
export function findBlankLine(data: Uint8Array, start: number, limit: number): number {
  const end = Math.min(data.length, start + limit);
  for (let i = start; i < end; i++) {
    if (data[i] !== LF) continue;
    if (i + 1 < data.length && data[i + 1] === LF) return i + 2;
    if (i + 2 < data.length && data[i + 1] === CR && data[i + 2] === LF) return i + 3;
  }
  return -1;
}
