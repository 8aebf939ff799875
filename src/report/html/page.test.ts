import { describe, expect, it } from 'vitest';
import { buildReport } from '../build.js';
import { hostileInput, XSS } from '../testing/payloads.js';
import { sampleInput } from '../testing/sample-analysis.js';
import { pageAssets } from './assets.js';
import { cspHash } from './inline.js';
import { renderHtml } from './page.js';

describe('renderHtml', () => {
  const page = renderHtml(buildReport(hostileInput()));
  /** The page without the inlined libraries (so failures print something readable). */
  const markup = page.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');

  it('has exactly its own script elements: the data and the three hashed scripts', () => {
    const tags = page.match(/<script[^>]*>/gi) ?? [];
    expect(tags).toEqual(['<script type="application/json" id="report-data">', '<script>', '<script>', '<script>']);
  });

  it('never carries a payload as markup, only escaped', () => {
    for (const payload of [XSS.script, XSS.img, XSS.svg, XSS.closeJson]) expect(page.includes(payload)).toBe(false);
    expect(markup).not.toMatch(/<img|<svg|<[^>]*\son[a-z]+=/i);
    expect(markup).toContain('&lt;img src=x onerror=&quot;window.pwned=2;alert(2)&quot;&gt;');
    const json = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(page)![1];
    expect(/[\u2028\u2029]/.test(json)).toBe(false);
    expect(JSON.stringify(JSON.parse(json)).includes(XSS.separators)).toBe(true);
  });

  it('allows by hash exactly the scripts and styles it inlines', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1];
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(3);
    expect(csp).toContain(`script-src ${scripts.map(cspHash).join(' ')};`);
    const styles = [...page.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(csp).toContain(`style-src ${styles.map(cspHash).join(' ')};`);
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style'));
  });

  it('inlines ECharts and Cytoscape, so it needs nothing from the network', () => {
    const a = pageAssets();
    expect(a.echarts.length).toBeGreaterThan(500_000);
    expect(a.cytoscape.length).toBeGreaterThan(300_000);
    expect(markup).not.toMatch(/<(link|iframe|object|embed|img)\b/i);
    expect(markup).not.toMatch(/<[^>]*\ssrc=/i);
  });

  it('shows the ten sections in order with the sample attacker, victim and a rule', () => {
    const ok = renderHtml(buildReport(sampleInput()));
    const ids = [...ok.matchAll(/<section id="([a-z]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual(['summary', 'timeline', 'anomalies', 'patterns', 'traffic', 'tops', 'map', 'intel', 'mitigations', 'custody']);
    expect(ok.includes('203.0.113.66')).toBe(true);
    expect(ok.includes('iptables -I INPUT -s 203.0.113.66 -j DROP')).toBe(true);
  });
});
