import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { openStore } from '../store/duckdb.js';
import { ingestLogFile } from './ingest-logs.js';

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tracer-logs-')), name);
  writeFileSync(path, content, name.endsWith('.gz') ? 'latin1' : 'utf8');
  return path;
}

describe('ingestLogFile', () => {
  it('writes records, infers the year from the mtime across Dec → Jan, and records provenance', async () => {
    const path = tempFile('auth.log', [
      'Dec 31 23:59:58 h sshd[1]: Failed password for root from 192.0.2.9 port 1000 ssh2',
      'not a syslog line',
      'Jan  1 00:00:02 h sshd[1]: Accepted password for root from 192.0.2.9 port 1000 ssh2',
    ].join('\n') + '\n');
    utimesSync(path, new Date('2025-01-01T08:00:00Z'), new Date('2025-01-01T08:00:00Z'));
    const store = await openStore(':memory:');
    try {
      const problems: number[] = [];
      const report = await ingestLogFile(store, path, { onProblem: (_file, p) => problems.push(p.line) });
      expect(report).toMatchObject({ format: 'sshd-syslog', lines: 3, records: { auth: 2 }, problems: 1, problemCodes: { not_syslog: 1 }, firstTs: Date.UTC(2024, 11, 31, 23, 59, 58) / 1000, lastTs: Date.UTC(2025, 0, 1, 0, 0, 2) / 1000 });
      expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(problems).toEqual([2]);
      const rows = await store.all('SELECT event, source_line FROM auth ORDER BY ts');
      expect(rows).toEqual([{ event: 'failed_password', source_line: 1 }, { event: 'accepted_password', source_line: 3 }]);
      const [ingest] = await store.all('SELECT format, packets, problems, sha256, anomalies FROM ingests');
      expect(ingest).toEqual({ format: 'sshd-syslog', packets: 3, problems: 1, sha256: report.sha256, anomalies: '{"not_syslog":1}' });
    } finally {
      await store.close();
    }
  });

  it('reads zone-less times in the given zone, and an explicit year', async () => {
    const path = tempFile('secure', 'Jul  1 12:00:00 h sshd[1]: Invalid user x from 192.0.2.1\n');
    const store = await openStore(':memory:');
    try {
      const report = await ingestLogFile(store, path, { tz: 'America/New_York', year: 2019 });
      expect(report.firstTs).toBe(Date.UTC(2019, 6, 1, 16) / 1000);
    } finally {
      await store.close();
    }
  });

  it('reads a rotated, gzip-compressed log and reports where its corrupt end begins', async () => {
    const { gzipSync } = await import('node:zlib');
    const lines = Array.from({ length: 2000 }, (_, i) => `Mar  1 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} h sshd[1]: Invalid user u${i} from 192.0.2.1`);
    const whole = gzipSync(Buffer.from(lines.join('\n') + '\n'));
    const store = await openStore(':memory:');
    try {
      const ok = await ingestLogFile(store, tempFile('auth.log.2.gz', whole.toString('latin1')), { year: 2024 });
      expect(ok).toMatchObject({ format: 'sshd-syslog', lines: 2000, records: { auth: 2000 }, problems: 0 });
      const cut = await ingestLogFile(store, tempFile('auth.log.3.gz', whole.subarray(0, whole.length - 30).toString('latin1')), { year: 2024 });
      expect(cut.problemCodes).toEqual({ gzip_corrupt: 1 });
      expect(cut.firstProblems[0].line).toBe(cut.lines + 1);
      expect(cut.records.auth).toBeGreaterThan(1900);
      const rows = await store.all('SELECT input, compressed FROM ingests ORDER BY id');
      expect(rows).toEqual([{ input: 'auth.log.2.gz', compressed: true }, { input: 'auth.log.3.gz', compressed: true }]);
    } finally {
      await store.close();
    }
  });

  it('refuses unreadable and unknown files with one-line InputErrors naming them', async () => {
    const store = await openStore(':memory:');
    try {
      await expect(ingestLogFile(store, '/nonexistent/auth.log')).rejects.toThrow(/^\/nonexistent\/auth\.log: cannot read \(ENOENT\)$/);
      await expect(ingestLogFile(store, tempFile('x.bin', '\x00\x01\x02'))).rejects.toThrow(/x\.bin: not a log Tracer reads/);
    } finally {
      await store.close();
    }
  });

  it.runIf(haveCorpus)('lets tracer ingest a Zeek conn.log where no pcap exists', async () => {
    const store = await openStore(':memory:');
    try {
      const report = await ingestLogFile(store, corpus('zeek-logs/rita_proxy_tsv_conn.log'));
      expect(report.records).toEqual({ conn: 463 });
      expect(report.sha256).toBe('7c19949073c34e83facca00102782479973bc023af32f4bcac0a564d9a790f74'); // corpus MANIFEST.md
      const [{ n }] = await store.all("SELECT count(*)::INT AS n FROM conn WHERE service = 'http,ssl'");
      expect(n).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
