import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { loadFeed, parseFeedSpec } from '../feeds/load-feed.js';
import { buildIndex } from '../index/build-index.js';
import { IntelIndex } from '../index/intel-index.js';
import { TestClient, testServer } from '../testing/test-server.js';

let server: Awaited<ReturnType<typeof testServer>>;
const feodo = parseFeedSpec(corpus('threat-intel/abusech_feodo_ipblocklist_recommended.json') + ',name=feodo');
const ipsum = parseFeedSpec(corpus('threat-intel/ipsum.txt') + ',name=ipsum');
const phish = parseFeedSpec(corpus('threat-intel/zeek-intel/cps_openphish.intel') + ',name=openphish');
const misp = parseFeedSpec(corpus('threat-intel/misp-feed-cert-fr') + ',name=cert-fr');

beforeAll(async () => {
  const first = new IntelIndex(buildIndex([loadFeed(feodo), loadFeed(ipsum)]).sections);
  const second = new IntelIndex(buildIndex([loadFeed(phish), loadFeed(misp)]).sections);
  server = await testServer([first, second]);
});
afterAll(() => server.close());

async function exchange(chunks: Array<string | Buffer>, events: number, pauseMs = 0): Promise<string[]> {
  const client = await TestClient.open(server.address.port);
  for (const chunk of chunks) {
    client.send(chunk);
    if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
  }
  const lines = await client.finished(events);
  client.socket.destroy();
  return lines;
}

// 178.128.23.9 is in the Feodo blocklist; ipsum lists 77.90.185.20 with score 10.
describe('CyberTrace protocol over loopback', () => {
  it('answers a flag line then an event, with context flattened', async () => {
    expect(await exchange(['X-KF-ReplyBack\nip=178.128.23.9|Code=1\n'], 1)).toEqual([
      expect.stringMatching(/^Category=feodo\|MatchedIndicator=178\.128\.23\.9\|port=4125\|status=online\|as_number=14061\|as_name=DIGITALOCEAN-ASN\|country=SG\|first_seen=2021-05-16 19:49:33\|last_online=2023-06-14\|malware=Dridex$/),
      'LookupFinished',
    ]);
  });
  it('reads the flag as a byte prefix with no newline, split across packets', async () => {
    expect(await exchange(['X-KF-Send', 'FinishedEventX-KF-Repl', 'yBackip=77.90.185.20\n'], 1, 20)).toEqual([
      'Category=ipsum|MatchedIndicator=77.90.185.20|score=10', 'LookupFinished',
    ]);
  });
  it('answers events with no indicators, no match and no flag', async () => {
    expect(await exchange(['Code=5|Name=nothing\nip=192.0.2.1\nurl=\n'], 3)).toEqual(['LookupFinished', 'LookupFinished', 'LookupFinished']);
  });
  it('pipelines many events per connection in order, CRLF accepted, lines split mid-field', async () => {
    const events = ['ip=192.0.2.1', 'ip=77.90.185.20', 'url=http://www.api.msuto.com/', 'hash=7239DA273D3A3BFD8D169119670BB745'];
    const text = events.map((e) => e + '\r\n').join('').repeat(25);
    const chunks = text.match(/[\s\S]{1,97}/g)!;
    const lines = await exchange(['X-KF-ReplyBack', ...chunks], 100, 2);
    const answers = lines.join('\n').split('LookupFinished\n').slice(0, 4);
    expect(answers[0]).toBe('');
    expect(answers[1]).toMatch(/^Category=ipsum\|MatchedIndicator=77\.90\.185\.20\|score=10\n$/);
    expect(answers[2]).toMatch(/^Category=openphish\|MatchedIndicator=api\.msuto\.com\|source=OPENPHISH\|do_notice=F\|desc=Phishing-URLS\n$/);
    expect(answers[3]).toMatch(/^Category=cert-fr\|MatchedIndicator=7239da273d3a3bfd8d169119670bb745\|event\.info=\[CERT-FR\] Le code malveillant Dridex/);
    expect(lines.filter((l) => l === 'LookupFinished')).toHaveLength(100);
  });
  it('reports matches from several feeds and indexes for one event', async () => {
    const both = '178.128.23.9';
    const lines = await exchange([`ip=${both}|hash=7239da273d3a3bfd8d169119670bb745|ip=77.90.185.20\n`], 1);
    expect(lines.map((l) => l.split('|')[0])).toEqual(['Category=feodo', 'Category=cert-fr', 'Category=ipsum', 'LookupFinished']);
  });
  it('logs every lookup as JSON', async () => {
    await exchange(['ip=77.90.185.20\n'], 1);
    await new Promise((r) => setImmediate(r));
    const entry = server.logLines.map((l) => JSON.parse(l)).find((e) => e.type === 'lookup' && e.indicators[0] === 'ip=77.90.185.20');
    expect(entry).toMatchObject({ matches: ['ipsum:77.90.185.20'], event: 1, peer: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
  });
});
