import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../test/helpers/corpus.js';
import { loadEnricherModule } from '../enrichers/enricher.js';
import { buildIndex } from '../index/build-index.js';
import { IntelIndex } from '../index/intel-index.js';
import { TestClient, testServer } from '../testing/test-server.js';

let server: Awaited<ReturnType<typeof testServer>>;

beforeAll(async () => {
  const decoder = await loadEnricherModule(join(projectRoot, 'examples/enrichers/url-decoder.mjs'));
  let calls = 0;
  const slowFirst = { name: 'slow-first', enrich: (field: string) => new Promise<[]>((r) => setTimeout(() => r([]), field === 'url' && calls++ === 0 ? 200 : 0)) };
  const index = new IntelIndex(buildIndex([{
    options: { name: 'ips', parentDomains: false, allowlist: false },
    indicators: [{ kind: 'ip', value: '203.0.113.7', context: {}, validFrom: 0, validUntil: 0 }],
    problems: [],
  }]).sections);
  server = await testServer([index], { enrichers: [decoder, slowFirst] });
});
afterAll(() => server.close());

describe('enricher plugins over the CyberTrace protocol', () => {
  it('answers pipelined events in order even when an earlier event waits on a slow enricher', async () => {
    const client = await TestClient.open(server.address.port);
    client.send('X-KF-ReplyBackurl=evil.example/a%20b\nip=203.0.113.7\n\nCode=1\n');
    expect(await client.finished(3)).toEqual([
      'Category=url-decoder|MatchedIndicator=evil.example/a%20b|decoded=evil.example/a b', 'LookupFinished',
      'Category=ips|MatchedIndicator=203.0.113.7', 'LookupFinished',
      'LookupFinished',
    ]);
    client.socket.destroy();
  });
});
