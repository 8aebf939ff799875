import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { loadMispFeed } from './misp.js';
import { testOptions } from '../testing/feed-options.js';

describe('loadMispFeed', () => {
  it('loads the CERT-FR feed (manifest + 13 events): 1,722 to_ids network attributes', () => {
    // Expected counts computed independently with Python over the same files.
    const feed = loadMispFeed(corpus('threat-intel/misp-feed-cert-fr'), testOptions('cert-fr'));
    expect(feed.problems).toEqual([]);
    expect(feed.indicators).toHaveLength(1722);
    const byType: Record<string, number> = {};
    for (const i of feed.indicators) byType[i.context.type] = (byType[i.context.type] ?? 0) + 1;
    expect(byType).toEqual({ sha1: 62, md5: 59, sha256: 58, 'ip-dst': 593, domain: 897, url: 16, 'ip-src': 37 });
    const url = feed.indicators.find((i) => i.value === 'owenti.com/fprl.exe');
    expect(url?.context['event.info']).toBe('[CERT-FR] Le code malveillant Dridex : origines et usages');
  });
  it('reports a missing and a broken event file and loads the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracer-misp-'));
    const good = '5e396a1e-68e4-4db5-8810-ca350aba047c';
    copyFileSync(corpus(`threat-intel/misp-feed-cert-fr/${good}.json`), join(dir, `${good}.json`));
    writeFileSync(join(dir, '11111111-1111-1111-1111-111111111111.json'), '{"Event": {"Attribute": [\n{"type": "ip-dst"');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ [good]: {}, '11111111-1111-1111-1111-111111111111': {}, '22222222-2222-2222-2222-222222222222': {}, '../../etc/passwd': {} }));
    const feed = loadMispFeed(dir, testOptions('m'));
    expect(feed.indicators).toHaveLength(37);
    expect(feed.problems.map((p) => p.message)).toEqual([
      'manifest key "../../etc/passwd" is not an event UUID',
      expect.stringMatching(/11111111-.*invalid JSON/),
      expect.stringMatching(/22222222-.*cannot read event file \(ENOENT\)/),
    ]);
  });
});
