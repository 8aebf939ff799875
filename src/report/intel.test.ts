import { describe, expect, it } from 'vitest';
import { makeAlert } from '../detect/alert.js';
import { buildReport } from './build.js';
import { renderHtml } from './html/page.js';
import { intelRows } from './intel.js';
import { sampleInput } from './testing/sample-analysis.js';

/** An intel_match alert as src/detect/intel-matches.ts writes one. */
const match = makeAlert({
  key: 'ipsum/ip/198.51.100.23', detector: 'intel_match', severity: 'high', score: 0.9,
  attack: { tactic: 'Command and Control', techniqueId: 'T1071', technique: 'Application Layer Protocol' },
  firstSeen: 1_795_169_099, lastSeen: 1_795_169_099, src: '10.10.0.10', dst: ['198.51.100.23'],
  explanation: 'ip 198.51.100.23 (US) matched 198.51.100.0/24 in feed ipsum; seen in 41 record(s), first in connection C1.',
  evidence: { uids: ['C1'], feed: 'ipsum', indicator: '198.51.100.0/24', kind: 'ip', seen: 41, country: 'US', context: { threat: 'botnet C2', note: '<b onmouseover=alert(1)>x</b>' } },
});

describe('intelRows', () => {
  it('lists each match with its feed, indicator, connection and the feed context', () => {
    const { total, rows } = intelRows([match]);
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ feed: 'ipsum', indicator: '198.51.100.0/24', kind: 'ip', country: 'US', seen: 41, src: '10.10.0.10', dst: ['198.51.100.23'] });
    expect(rows[0].context).toEqual([['threat', 'botnet C2'], ['note', '<b onmouseover=alert(1)>x</b>']]);
  });

  it('shows the context on the page as text', () => {
    const input = sampleInput();
    input.analysis.alerts.push(match);
    const page = renderHtml(buildReport(input));
    const section = /<section id="intel">([\s\S]*?)<\/section>/.exec(page)![1];
    expect(section).toContain('<dt>threat</dt><dd>botnet C2</dd>');
    expect(section).toContain('&lt;b onmouseover=alert(1)&gt;x&lt;/b&gt;');
    expect(section).not.toContain('<b ');
  });
});
