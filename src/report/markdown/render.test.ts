import { describe, expect, it } from 'vitest';
import { buildReport } from '../build.js';
import { hostileInput, XSS } from '../testing/payloads.js';
import { sampleInput } from '../testing/sample-analysis.js';
import { renderMarkdown } from './render.js';

describe('renderMarkdown', () => {
  it('has the ten sections, the chart links and the rules in code blocks', () => {
    const text = renderMarkdown(buildReport(sampleInput()), [{ file: 'timeline.svg', title: 'Attack timeline', svg: '' }]);
    expect([...text.matchAll(/^## (\d+)\./gm)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(text).toContain('![Attack timeline](charts/timeline.svg)');
    expect(text).toContain('```\niptables -I INPUT -s 203.0.113.66 -j DROP\niptables -I FORWARD -d 198.51.100.23 -j DROP\n```');
    expect(text).toContain('| high | brute\\_force | 203.0.113.66 | 10.10.0.10 | 22 | 53 |');
  });

  it('keeps markup from traffic inert outside code blocks', () => {
    const text = renderMarkdown(buildReport(hostileInput()), []);
    const outsideCode = text.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
    expect(outsideCode).not.toMatch(/<script|<img|<svg/i);
    expect(outsideCode).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(text).toContain(XSS.closeJson);
  });
});
