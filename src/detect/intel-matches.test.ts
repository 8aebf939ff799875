import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus } from '../../test/helpers/corpus.js';
import { loadIndexSet } from '../intel/sources.js';
import { ingest } from '../pipeline/ingest.js';
import { openStore } from '../store/duckdb.js';
import { DEFAULT_CONFIG } from './config.js';
import { runDetectors } from './run.js';

const work = mkdtempSync(join(tmpdir(), 'tracer-intel-detect-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('intel matches become alerts', () => {
  it('flags the DNS-amplification reflectors listed in ipsum level 5, with the feed and the connection', async () => {
    const db = join(work, 'amp.duckdb');
    await ingest({ dbPath: db, inputs: [corpus('pcaps/dos/stopddos_amp.dns.RRSIG.fragmented.pcap')] });
    const intel = loadIndexSet({ feeds: [`${corpus('threat-intel/ipsum_level5.txt')},name=ipsum5`], tix: [] }, () => undefined);
    const store = await openStore(db);
    try {
      const { alerts } = await runDetectors(store, DEFAULT_CONFIG, { indexes: intel.indexes });
      const intelAlerts = alerts.filter((a) => a.detector === 'intel_match');
      // The MANIFEST's cross-match table: these three addresses are in ipsum_level5.txt.
      const observed = intelAlerts.map((a) => (a.evidence as { indicator: string }).indicator).sort();
      expect(observed).toEqual(['71.6.146.130', '71.6.199.23', '80.82.77.33']);
      for (const a of intelAlerts) {
        expect(a.severity).toBe('high');
        expect(a.explanation).toMatch(/matched .* in feed ipsum5; seen in \d+ record/);
        const [uid] = (a.evidence as { uids: string[] }).uids;
        const [conn] = await store.all('SELECT id_orig_h, id_resp_h FROM conn WHERE uid = ?', [uid]);
        expect([conn.id_orig_h, conn.id_resp_h]).toContain((a.evidence as { indicator: string }).indicator);
        expect([a.src, ...a.dst]).toEqual([conn.id_orig_h, conn.id_resp_h]);
      }
      const [{ n }] = await store.all("SELECT count(*) AS n FROM alerts WHERE detector = 'intel_match'");
      expect(Number(n)).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('adds nothing without intel', async () => {
    const db = join(work, 'amp.duckdb');
    const store = await openStore(db);
    try {
      const { alerts } = await runDetectors(store, DEFAULT_CONFIG);
      expect(alerts.some((a) => a.detector === 'intel_match')).toBe(false);
    } finally {
      await store.close();
    }
  });
});
