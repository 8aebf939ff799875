import { describe, expect, it } from 'vitest';
import type { StoredCase } from '../model.js';
import { newCase } from '../new-case.js';
import { insertElement } from '../path.js';
import { ORIGINAL_PATH, SQLI_DETECTION, SQLI_ELEMENTS } from '../testing/fixtures.js';
import { htmlReport } from './html.js';
import { escapeMarkdown, markdownReport } from './markdown.js';
import { textReport } from './text.js';

/** The original README's report, from "Case ID" to the summary (its timestamp replaced by ours). */
const ORIGINAL_REPORT = `============================================================
TRACER ANALYSIS REPORT
============================================================

Case ID: CASE_20250929_125453
Threat Type: SQL Injection
Analysis Timestamp: 2025-09-29T12:54:53.653Z
Network Elements Analyzed: 2

${ORIGINAL_PATH}

--- ANALYSIS SUMMARY ---
Direct Traversals: 2
Lateral Movements: 0
Pivot Points: 0
`;

function stored(elements = SQLI_ELEMENTS, detection = SQLI_DETECTION): StoredCase {
  const doc = elements.reduce((d, e) => insertElement(d, d.path.length + 1, e), newCase('CASE_20250929_125453', detection, new Date('2025-09-29T12:54:53Z')));
  return { version: 3, updatedAt: '2025-09-29T12:54:53.653Z', case: doc };
}

const HOSTILE = '<script>alert(1)</script>\x1b[2J=cmd|';

describe('reports', () => {
  it('text: states the original example report line for line', () => {
    expect(textReport(stored()).startsWith(ORIGINAL_REPORT)).toBe(true);
  });

  it('text: starts a sub-path at each pivot and counts it', () => {
    const report = textReport(stored([SQLI_ELEMENTS[0], { ...SQLI_ELEMENTS[1], movement: 'pivot' }, { ...SQLI_ELEMENTS[0], movement: 'lateral' }]));
    expect(report).toContain('── sub-path 2 (pivot) ──');
    expect(report).toContain('Direct Traversals: 1\nLateral Movements: 1\nPivot Points: 1');
  });

  it('text: escapes terminal control characters from facts', () => {
    const report = textReport(stored([{ ...SQLI_ELEMENTS[0], name: HOSTILE }]));
    expect(report).not.toContain('\x1b');
  });

  it('html: self-contained, strict CSP, escaped strings, SVG diagram and pillar checklist', () => {
    const page = htmlReport(stored([{ ...SQLI_ELEMENTS[0], name: HOSTILE }], { ...SQLI_DETECTION, threatType: HOSTILE }));
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toMatch(/<svg[^>]*>.*<\/svg>/s);
    expect(page).not.toMatch(/(src|href)="http/);
    for (const pillar of ['Trust', 'Recognize', 'Analyze', 'Communicate', 'Engage', 'Refine']) expect(page).toContain(`☐ ${pillar}`);
  });

  it('markdown: escapes markup so traffic strings cannot inject links or HTML', () => {
    expect(escapeMarkdown('[x](http://evil) <b>*')).toBe('\\[x\\]\\(http://evil\\) \\<b\\>\\*');
    const md = markdownReport(stored([{ ...SQLI_ELEMENTS[0], name: HOSTILE }]));
    expect(md).not.toContain('<script>');
    expect(md).toContain('- Direct traversals: 1');
    expect(md).toMatch(/\| ☐ Trust \| Network appliance integrity: .* \| not started \|  \|/);
  });
});
