import { describe, expect, it } from 'vitest';
import { buildReport } from './build.js';
import { svgCharts } from './svg.js';
import { hostileInput } from './testing/payloads.js';

describe('svgCharts', () => {
  it('draws the timeline and the map as SVG with every label escaped', async () => {
    const charts = await svgCharts(buildReport(hostileInput()));
    expect(charts.map((c) => c.file)).toEqual(['timeline.svg', 'network-map.svg']);
    for (const c of charts) {
      expect(c.svg.startsWith('<svg')).toBe(true);
      expect(c.svg).toMatch(/<path /);
      expect(c.svg.slice(4)).not.toMatch(/<script|<img|<svg/i);
    }
    expect(charts[1].svg).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
  });
});
