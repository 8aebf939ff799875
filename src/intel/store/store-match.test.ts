import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { tshark } from '../../../test/helpers/tshark.js';
import { ingest } from '../../pipeline/ingest.js';
import { openExistingStore, type Store } from '../../store/duckdb.js';
import { loadFeed, parseFeedSpec } from '../feeds/load-feed.js';
import { openCountryLookup } from '../geo.js';
import { buildIndex } from '../index/build-index.js';
import { IntelIndex } from '../index/intel-index.js';
import { matchStore, type IntelAlert } from './store-match.js';

const capture = corpus('pcaps/c2/elcabezzonn_Empire_http_c2.pcap');
const dir = mkdtempSync(join(tmpdir(), 'tracer-intel-store-'));
let store: Store;
let alerts: IntelAlert[];

beforeAll(async () => {
  await ingest({ dbPath: join(dir, 'case.duckdb'), inputs: [capture] });
  store = await openExistingStore(join(dir, 'case.duckdb'));
  // An analyst's IOC list for this case: the Empire C2 server (MANIFEST ground truth), Empire's
  // default beacon URI as a mask, and a domain matched with its sub-domains.
  const iocs = join(dir, 'iocs.txt');
  writeFileSync(iocs, '192.168.1.161\n/admin/get.php\nmsn.com\n');
  const index = new IntelIndex(buildIndex([loadFeed(parseFeedSpec(`${iocs},name=case-iocs,parents`))]).sections);
  alerts = await matchStore(store, [index], await openCountryLookup());
}, 120_000);
afterAll(() => store?.close());

describe('matchStore on the Empire HTTP C2 capture', () => {
  it('flags the C2 server address seen in connections', () => {
    const c2 = alerts.find((a) => a.kind === 'ip' && a.observed === '192.168.1.161');
    expect(c2).toMatchObject({ category: 'case-iocs', indicator: '192.168.1.161', country: '' });
    expect(c2!.uid).not.toBe('');
    expect(c2!.seen).toBeGreaterThan(100);
  });
  it('counts as many beacon URLs as tshark counts /admin/get.php requests', () => {
    const expected = tshark(['-r', capture, '-Y', 'http.request.uri == "/admin/get.php"']).trim().split('\n').filter(Boolean).length;
    const beacons = alerts.filter((a) => a.kind === 'url' && a.indicator === '*/admin/get.php');
    expect(expected).toBeGreaterThan(0);
    expect(beacons.reduce((n, a) => n + a.seen, 0)).toBe(expected);
  });
  it('matches DNS names under a parent-domain IOC, in order of first sight', () => {
    const msn = alerts.filter((a) => a.observed === 'www.msn.com');
    expect(msn).toHaveLength(1);
    expect(msn[0]).toMatchObject({ kind: 'domain', indicator: 'msn.com' });
    const times = alerts.map((a) => a.ts);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
