import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { ingestLogFile } from '../logs/ingest-logs.js';
import { authGuessing } from './auth-guessing.js';
import { DEFAULT_CONFIG } from './config.js';
import { runSqlDetector } from './sql-detector.js';
import { conn, storeWith, T0 } from './testing/store.js';
import { createAnalysisViews } from './views.js';
import type { LogRecord } from '../store/schema/types.js';
import type { Store } from '../store/duckdb.js';

const params = DEFAULT_CONFIG.detectors.auth_guessing;

async function detect(store: Store) {
  await createAnalysisViews(store);
  return runSqlDetector(store, authGuessing, params);
}

function line(ts: number, event: string, srcPort: number, over: Partial<LogRecord> = {}): LogRecord {
  return {
    ts, host: 'web01', service: 'sshd', pid: 1, event, user: 'root', invalid_user: false, src_ip: '203.0.113.66', src_port: srcPort,
    method: 'password', logon_type: null, count: 1, raw_line: '', source_file: 'auth.log', source_line: srcPort - 50_000, ...over,
  };
}

describe('auth_guessing detector', () => {
  it.skipIf(!haveCorpus)('finds the guessing in a real auth.log, with the login it won', async () => {
    const path = corpus('auth-logs/elastic_suspicious_login_activity_auth.log');
    const failures = new Map<string, number>();
    const failed = /sshd\[\d+\]: (?:message repeated (\d+) times: \[ )?Failed password for (?:invalid user )?\S* from (\S+)/g;
    for (const m of readFileSync(path, 'utf8').matchAll(failed)) failures.set(m[2], (failures.get(m[2]) ?? 0) + Number(m[1] ?? 1));
    const store = await storeWith({});
    await ingestLogFile(store, path, { year: 2026 });
    const alerts = await detect(store);
    await store.close();
    const bySource = new Map(alerts.map((a) => [a.src, a]));
    expect(bySource.get('24.151.103.17')).toMatchObject({
      severity: 'critical', dst: ['ip-10-77-20-248'], evidence: { failures: failures.get('24.151.103.17'), accepted_user: 'elastic_user_5' },
    });
    for (const a of alerts) expect(a.evidence.failures).toBe(failures.get(a.src));
    expect(alerts.filter((a) => a.evidence.accepted_at !== null).map((a) => a.src)).toEqual(['24.151.103.17']);
  });

  it('names the server by address when the login connection is in the capture', async () => {
    const store = await storeWith({
      auth: Array.from({ length: 12 }, (_, i) => line(T0 + i, 'failed_password', 50_000 + i)),
      conn: [conn({ ts: T0 - 1, uid: 'C7', id_orig_h: '203.0.113.66', id_orig_p: 50_003, id_resp_h: '10.0.0.9', id_resp_p: 22 })],
    });
    const [alert] = await detect(store);
    await store.close();
    expect(alert).toMatchObject({ src: '203.0.113.66', dst: ['10.0.0.9'], evidence: { host: 'web01', failures: 12, accepted_at: null }, severity: 'medium' });
    expect(alert.evidence.uids).toEqual(['C7']);
    expect(alert.explanation).toBe('203.0.113.66 failed 12 logins on web01 (10.0.0.9) for 1 account(s) in 11 s (up to 12 per window), per auth.log.');
  });

  it('stays quiet below the threshold and for logins without failures', async () => {
    const store = await storeWith({
      auth: [...Array.from({ length: 9 }, (_, i) => line(T0 + i, 'failed_password', 50_000 + i)), line(T0 + 20, 'accepted_publickey', 50_100, { src_ip: '192.0.2.1' })],
    });
    expect(await detect(store)).toEqual([]);
    await store.close();
  });
});
