import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { MAX_LINE_BYTES } from './limits.js';

/** One line of a text log. */
export interface LogLine {
  /** 1-based line number. */
  lineNo: number;
  /** The line without its end-of-line (CR LF or LF), decoded as UTF-8, at most MAX_LINE_BYTES bytes. */
  text: string;
  /** The line was longer than MAX_LINE_BYTES and `text` holds only its start. */
  cut: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

function decode(parts: Buffer[], length: number): string {
  const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
  const end = length > 0 && bytes[length - 1] === CR ? length - 1 : length;
  return bytes.toString('utf8', 0, end);
}

/**
 * Yields the lines of the file at `path`, streaming (bounded memory: a line
 * longer than `maxBytes` is cut and flagged). Feeds every byte read to `hash`
 * when given, so that the file is read once for both. A final line without
 * an end-of-line is yielded too.
 */
export async function* readLogLines(path: string, hash?: Hash, maxBytes = MAX_LINE_BYTES): AsyncGenerator<LogLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let cut = false;
  let lineNo = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash?.update(chunk);
    let start = 0;
    for (let lf = chunk.indexOf(LF, start); start < chunk.length; lf = chunk.indexOf(LF, start)) {
      const end = lf < 0 ? chunk.length : lf;
      const room = maxBytes - length;
      if (end - start > room) cut = true;
      const take = Math.min(end - start, Math.max(room, 0));
      if (take > 0) { parts.push(chunk.subarray(start, start + take)); length += take; }
      if (lf < 0) break;
      yield { lineNo: ++lineNo, text: decode(parts, length), cut };
      parts = [];
      length = 0;
      cut = false;
      start = lf + 1;
    }
  }
  if (length > 0 || cut) yield { lineNo: ++lineNo, text: decode(parts, length), cut };
}
