import { describe, expect, it } from 'vitest';
import { codeBlock, escapeMarkdown, mdTable } from './escape.js';

describe('escapeMarkdown', () => {
  it('makes HTML and Markdown syntax inert', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdown('[click](javascript:x) *b* `c`')).toBe('\\[click\\](javascript:x) \\*b\\* \\`c\\`');
  });
  it('keeps a table row on one line with its columns', () => {
    expect(escapeMarkdown('a|b\nc')).toBe('a&#124;b c');
    expect(mdTable(['h', 'n'], [['x|y', '1']], [false, true]).split('\n')).toEqual(['| h | n |', '| --- | ---: |', '| x&#124;y | 1 |']);
  });
});

describe('codeBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(codeBlock('a ``` b')).toBe('````\na ``` b\n````');
    expect(codeBlock('x', 'sh')).toBe('```sh\nx\n```');
  });
});
