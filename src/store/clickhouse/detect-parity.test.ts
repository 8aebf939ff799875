import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus, haveCorpus, projectRoot } from '../../../test/helpers/corpus.js';
import type { Alert } from '../../detect/alert.js';
import { DEFAULT_CONFIG, type DetectConfig, type DetectorParams } from '../../detect/config.js';
import { DETECTORS } from '../../detect/detectors.js';
import { runDetectors } from '../../detect/run.js';
import { detectorSql } from '../../detect/sql-detector.js';
import { createAnalysisViews } from '../../detect/views.js';
import { loadIndexSet } from '../../intel/sources.js';
import { ingest } from '../../pipeline/ingest.js';
import type { Row, Store } from '../duckdb.js';
import { dialectOf } from '../dialect.js';
import { openStoreFromUrl } from './open.js';
import { firstDifference, same } from './testing/compare.js';
import { clickhouseSkipReason, dropClickHouseDatabase, freshClickHouseUrl } from './testing/test-server.js';

/** Captures that fire every detector family between them (see eval/cases.ts), each ingested as its own capture. */
const INPUTS = [
  [join(projectRoot, 'samples', 'intrusion.pcap.gz'), join(projectRoot, 'samples', 'auth.log')],
  ...[
    'scan/chrissanders_synscan.pcapng', 'scan/evilfingers_nmap_UDP_SCAN.pcap', 'scan/evilfingers_nmap_IP_PROTOCOL_SCAN.pcap',
    'ssh-bruteforce/zeek_sshguess.pcap', 'ssh-bruteforce/traceshare_hydra-1_tasks.pcap', 'misc/zeek_ftp_bruteforce.pcap',
    'misc/chrissanders_arppoison.pcapng', 'dns-tunnel/elastic_dns-tunnel-iodine.pcap', 'dns-tunnel/elisaUD_dnscat2.pcap',
    'c2/chrissanders_cryptowall4_c2.pcapng', 'c2/chrissanders_ratinfected.pcapng', 'c2/zeek_merlinc2_quic.pcapng',
    'http-attack/chrissanders_http_dvwa_sqlinjection.pcapng', 'http-attack/chrissanders_http_dvwa_directorytraversal.pcapng',
    'dos/stopddos_amp.TCP.reflection.SYNACK.pcap', 'dos/stopddos_amp.dns.RRSIG.fragmented.pcap', 'exploit/honeynet_fc2010_attack-trace.pcap',
  ].map((p) => [corpus(`pcaps/${p}`)]),
];

/** Kinds of finding the loosened corpus rows must include, so each branch of those queries is compared. */
const KINDS: Record<string, string[]> = {
  port_scan: ['vertical', 'block', 'protocol'],
  flood: ['syn_flood', 'tcp_reflection', 'udp_flood', 'amplification'],
  unusual_connection: ['cleartext_auth', 'nonstandard_port', 'fan_out', 'rare_peer', 'first_seen'],
  arp_spoof: ['ip_conflict', 'mac_multi_ip'],
};

/**
 * Every detector's parameters loosened (minimums to 1 or 0, ratios to 0), so the SQL yields many
 * rows on a small corpus and each branch is compared, not only the few findings at the defaults.
 */
function loose(params: DetectorParams): DetectorParams {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => {
    if (typeof v !== 'number' || !k.startsWith('min_')) return [k, v];
    return [k, /score|ratio|interval|entropy|label/.test(k) ? 0 : 1];
  }));
}

/** The alert as compared across stores (the score within 1e-9, all else exactly). */
function comparable(a: Alert): Record<string, unknown> {
  return { id: a.id, detector: a.detector, src: a.src, dst: a.dst, severity: a.severity, score: a.score, firstSeen: a.firstSeen, lastSeen: a.lastSeen, explanation: a.explanation, evidence: a.evidence };
}

const skip = clickhouseSkipReason ?? (haveCorpus ? null : 'the shared corpus is missing');
if (skip) console.warn(`skipping the native ClickHouse detection comparison: ${skip}`);

describe.skipIf(skip !== null)('detection as ClickHouse SQL gives the DuckDB results', () => {
  const work = mkdtempSync(join(tmpdir(), 'tracer-ch-parity-'));
  const duckPath = join(work, 'corpus.duckdb');
  const chUrl = freshClickHouseUrl('parity');
  let duck: Store;
  let ch: Store;

  beforeAll(async () => {
    for (const inputs of INPUTS) {
      const [a, b] = await Promise.all([ingest({ dbPath: duckPath, inputs }), ingest({ dbPath: chUrl, inputs })]);
      expect(b.records).toEqual(a.records);
    }
    duck = await openStoreFromUrl(duckPath, { existing: true });
    ch = await openStoreFromUrl(chUrl, { existing: true });
    expect(dialectOf(ch)).toBe('clickhouse');
    await createAnalysisViews(duck);
    await createAnalysisViews(ch);
  }, 300_000);

  afterAll(async () => {
    await duck?.close();
    await ch?.close();
    await dropClickHouseDatabase(chUrl);
    rmSync(work, { recursive: true, force: true });
  });

  it('resolves the authentication events to the same servers and connections', async () => {
    const sql = 'SELECT ts, host, event, user, src_ip, src_port, server, uid, outcome FROM auth_resolved ORDER BY source_file, source_line';
    const [a, b] = await Promise.all([duck.all(sql), ch.all(sql)]);
    expect(a.some((r) => r.uid !== null)).toBe(true);
    expect(firstDifference(a, b)).toBeNull();
  });

  for (const detector of DETECTORS) {
    it(`${detector.name}: the same rows at the default and at loosened thresholds`, async () => {
      const defaults = DEFAULT_CONFIG.detectors[detector.name];
      for (const params of [defaults, loose(defaults)]) {
        const [a, b] = await Promise.all([duck.all(detectorSql(detector.file), params), ch.all(detectorSql(detector.file, 'clickhouse'), params)]);
        expect(firstDifference(a, b), `${detector.file} with ${JSON.stringify(params)}`).toBeNull();
      }
      const rows = await duck.all(detectorSql(detector.file), loose(defaults));
      expect(rows.length, 'the loosened thresholds give rows to compare').toBeGreaterThan(0);
      const kinds = new Set(rows.map((r) => r.kind));
      for (const kind of KINDS[detector.name] ?? []) expect(kinds, `${detector.name} rows of kind ${kind}`).toContain(kind);
    }, 60_000);
  }

  it('raises identical alerts, intel matches included, and writes them to each store', async () => {
    const intel = loadIndexSet({ feeds: [`${corpus('threat-intel/ipsum_level5.txt')},name=ipsum5`], tix: [] }, () => undefined);
    const config: DetectConfig = DEFAULT_CONFIG;
    const [a, b] = await Promise.all([runDetectors(duck, config, { indexes: intel.indexes }), runDetectors(ch, config, { indexes: intel.indexes })]);
    const detectors = new Set(a.alerts.map((x) => x.detector));
    for (const d of ['port_scan', 'flood', 'brute_force', 'auth_guessing', 'login_failures', 'dns_tunnel', 'exfiltration', 'web_attack', 'arp_spoof', 'intel_match']) {
      expect(detectors).toContain(d);
    }
    expect(b.alerts.length).toBe(a.alerts.length);
    for (let i = 0; i < a.alerts.length; i++) expect(same(comparable(b.alerts[i]), comparable(a.alerts[i])), `${a.alerts[i].detector} ${a.alerts[i].id}`).toBe(true);
    const sql = 'SELECT id, detector, severity, score, first_seen, last_seen, src, dst, explanation, evidence FROM alerts ORDER BY id';
    const parsed = (rows: Row[]): Row[] => rows.map((r) => ({ ...r, evidence: JSON.parse(String(r.evidence)) }));
    const [da, db] = await Promise.all([duck.all(sql), ch.all(sql)]);
    expect(da).toHaveLength(a.alerts.length);
    expect(firstDifference(parsed(da), parsed(db))).toBeNull();
  }, 120_000);
});

describe('ClickHouse detector SQL', () => {
  it('exists for every detector, with the same named parameters as its DuckDB file', () => {
    const names = (sql: string): string[] => [...new Set(sql.replace(/--.*$/gm, '').match(/\$[a-z_]+/g) ?? [])].sort();
    for (const d of DETECTORS) expect(names(detectorSql(d.file, 'clickhouse')), d.file).toEqual(names(detectorSql(d.file)));
  });
});
