import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.js';

function split(chunks: string[], max = 16): string[] {
  const out: string[] = [];
  const splitter = new LineSplitter(max, { line: (t) => out.push(t), overflow: (n) => out.push(`<overflow ${n}>`) });
  for (const c of chunks) splitter.push(Buffer.from(c), 0);
  return out;
}

describe('LineSplitter', () => {
  it('joins lines split across chunks, drops CRs and empty lines', () => {
    expect(split(['ip=1', '.2.3.4\r', '\n\nurl=a\nh', 'ash=b\n'])).toEqual(['ip=1.2.3.4', 'url=a', 'hash=b']);
  });
  it('reports an over-long line once with its size and keeps the next line', () => {
    expect(split(['x'.repeat(10), 'y'.repeat(10), 'z\nok\n'])).toEqual(['<overflow 21>', 'ok']);
  });
  it('keeps multi-byte characters split between chunks intact', () => {
    const bytes = Buffer.from('url=пример.рф\n');
    const out: string[] = [];
    const splitter = new LineSplitter(100, { line: (t) => out.push(t), overflow: () => {} });
    for (let i = 0; i < bytes.length; i++) splitter.push(bytes.subarray(i, i + 1), 0);
    expect(out).toEqual(['url=пример.рф']);
  });
});
