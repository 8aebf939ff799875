import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { loadJsonFeed } from './json.js';
import { testOptions } from '../testing/feed-options.js';

describe('loadJsonFeed', () => {
  it('loads the Feodo blocklist: 222 C2 IPs keyed by ip_address with their context', () => {
    const file = corpus('threat-intel/abusech_feodo_ipblocklist_recommended.json');
    const feed = loadJsonFeed(readFileSync(file, 'utf8'), file, testOptions('feodo'));
    expect(feed.problems).toEqual([]);
    expect(feed.indicators).toHaveLength(222);
    expect(feed.indicators.filter((i) => i.context.malware === 'QakBot')).toHaveLength(199);
    expect(feed.indicators[0]).toMatchObject({ kind: 'ip', value: '178.128.23.9', context: { port: '4125', as_name: 'DIGITALOCEAN-ASN' } });
  });
  it('takes the key as a field path and reports records without it', () => {
    const text = JSON.stringify([{ threat: { ip: '1.2.3.4' }, n: 1 }, { threat: {} }, 'x']);
    const feed = loadJsonFeed(text, 'f.json', testOptions('f', { key: 'threat.ip' }));
    expect(feed.indicators).toEqual([{ kind: 'ip', value: '1.2.3.4', context: { n: '1' }, validFrom: 0, validUntil: 0 }]);
    expect(feed.problems.map((p) => p.message)).toEqual(['record 2: no indicator at "threat.ip"', 'record 3: not a JSON object']);
  });
  it('reads NDJSON line by line, a broken line reported with its number', () => {
    const feed = loadJsonFeed('{"ioc":"evil.com"}\n{"ioc":\n{"ioc":"1.1.1.1"}\n', 'f.ndjson', testOptions('f'), true);
    expect(feed.indicators.map((i) => i.value)).toEqual(['evil.com', '1.1.1.1']);
    expect(feed.problems).toEqual([{ file: 'f.ndjson', line: 2, message: expect.stringMatching(/^invalid JSON/) }]);
  });
  it('gives the line of a syntax error in a whole document', () => {
    expect(loadJsonFeed('[\n{"ip": "1.2.3.4"},\n{"ip": }\n]', 'f.json', testOptions('f')).problems[0].line).toBe(3);
  });
});
