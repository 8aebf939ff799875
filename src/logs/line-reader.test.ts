import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecompressError, readLogLines, type LogLine } from './line-reader.js';

async function lines(content: string | Buffer, max?: number): Promise<LogLine[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'tracer-lines-')), 'log');
  writeFileSync(path, content);
  const out: LogLine[] = [];
  for await (const line of readLogLines(path, undefined, max)) out.push(line);
  return out;
}

describe('readLogLines', () => {
  it('splits LF and CRLF lines, keeps empty lines and a last line without end-of-line', async () => {
    expect((await lines('a\r\n\nb\nc')).map((l) => [l.lineNo, l.text])).toEqual([[1, 'a'], [2, ''], [3, 'b'], [4, 'c']]);
  });

  it('cuts a line over the limit, flags it, and goes on with the next', async () => {
    const got = await lines('x'.repeat(100) + '\nok\n', 10);
    expect(got.map((l) => [l.text, l.cut])).toEqual([['x'.repeat(10), true], ['ok', false]]);
  });

  it('hashes every byte it reads', async () => {
    const content = Buffer.from('line one\nline two\n');
    const path = join(mkdtempSync(join(tmpdir(), 'tracer-lines-')), 'log');
    writeFileSync(path, content);
    const hash = createHash('sha256');
    for await (const line of readLogLines(path, hash)) expect(line.text).toMatch(/^line/);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('joins a multi-byte character split across read chunks', async () => {
    const got = await lines(Buffer.concat([Buffer.from('a'.repeat(65_535)), Buffer.from('é\n')]), 100_000);
    expect(got[0].text.endsWith('é')).toBe(true);
  });
});

describe('readLogLines on gzip', () => {
  it('reads a gzip-compressed log and hashes the compressed bytes', async () => {
    const { gzipSync } = await import('node:zlib');
    const compressed = gzipSync(Buffer.from('one\ntwo\n'));
    const path = join(mkdtempSync(join(tmpdir(), 'tracer-lines-')), 'auth.log.2.gz');
    writeFileSync(path, compressed);
    const hash = createHash('sha256');
    const got: string[] = [];
    for await (const line of readLogLines(path, hash)) got.push(line.text);
    expect(got).toEqual(['one', 'two']);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(compressed).digest('hex'));
  });

  it('ends a cut gzip file with a DecompressError after the lines before the cut, the hash covering the whole file', async () => {
    const { gzipSync } = await import('node:zlib');
    const whole = gzipSync(Buffer.from(Array.from({ length: 5000 }, (_, i) => `line ${i}`).join('\n') + '\n'));
    const cut = whole.subarray(0, whole.length - 40);
    const path = join(mkdtempSync(join(tmpdir(), 'tracer-lines-')), 'cut.gz');
    writeFileSync(path, cut);
    const hash = createHash('sha256');
    let last = '';
    await expect((async () => { for await (const line of readLogLines(path, hash)) last = line.text; })()).rejects.toBeInstanceOf(DecompressError);
    expect(last).toMatch(/^line \d+$/);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(cut).digest('hex'));
  });
});
