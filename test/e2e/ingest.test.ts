import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusRoot, projectRoot } from '../helpers/corpus.js';

const work = mkdtempSync(join(tmpdir(), 'tracer-e2e-ingest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sample = join(projectRoot, 'samples', 'intrusion.pcap.gz');

describe('tracer ingest, as a user runs it', () => {
  const db = join(work, 'sample.duckdb');

  it('ingests the bundled sample and reports its SHA-256 and records', async () => {
    const r = await runCli(['ingest', '--db', db, sample]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sha = createHash('sha256').update(readFileSync(sample)).digest('hex');
    expect(r.stdout).toContain(`sha256 ${sha}`);
    expect(r.stdout).toMatch(/conn [\d,]+/);
    expect(r.stdout).toMatch(/ssh \d+/);
  });

  it('finds the attacker’s scan and brute force in the stored connections', async () => {
    const r = await runCli(['flows', '--db', db, '--host', '203.0.113.66', '--json', '--limit', '5000']);
    expect(r.code).toBe(0);
    const conns = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const rejected = conns.filter((c) => c.conn_state === 'REJ' && c.id_resp_h === '10.10.0.10');
    const ssh = conns.filter((c) => c.id_resp_p === 22 && c.service === 'ssh');
    expect(rejected.length).toBe(998);
    expect(ssh.length).toBe(53);
  });

  it('refuses to ingest the same file twice unless forced', async () => {
    const again = await runCli(['ingest', '--db', db, sample]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/already in the store .*--force/);
  });

  it('reads stdin with -', async () => {
    const r = await runCli(['ingest', '--db', join(work, 'stdin.duckdb'), '--json', '-'], { input: gunzipSync(readFileSync(sample)) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).inputs[0].packets).toBe(32503);
  });

  it('keeps everything before a cut and names the file and offset in one line', async () => {
    const whole = gunzipSync(readFileSync(sample));
    const cut = join(work, 'cut.pcap');
    writeFileSync(cut, whole.subarray(0, 1_000_003));
    const r = await runCli(['ingest', '--db', join(work, 'cut.duckdb'), '--json', cut]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^tracer: ${cut.replace(/[.]/g, '\\.')}: offset \\d+: `));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(r.stdout);
    expect(report.inputs[0].truncated).toBe(true);
    expect(report.inputs[0].packets).toBeGreaterThan(1000);
  });

  it('reads logs given beside captures, recognised by content, with bad lines named by line number', async () => {
    const broken = join(corpusRoot, 'suricata', 'surevego_eve_broken.json');
    const r = await runCli(['ingest', '--db', join(work, 'logs.duckdb'), '--year', '2026', join(projectRoot, 'samples', 'auth.log'), broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/auth\.log: sshd-syslog log, 54 lines/);
    expect(r.stdout).toMatch(/surevego_eve_broken\.json: suricata-eve log, 273 lines, sha256 [0-9a-f]{64}, 11 unparseable/);
    expect(r.stdout).toMatch(/auth 54\b/);
    expect(r.stdout).toMatch(/suricata_alert 68\b/);
    expect(r.stderr.split('\n').filter((l) => l.startsWith(`tracer: ${broken}:104: `))).toHaveLength(1);
  });

  it('says in one line that a file is not a capture, and still ingests the others', async () => {
    const text = join(work, 'notes.txt');
    writeFileSync(text, 'not a capture\n');
    const r = await runCli(['ingest', '--db', join(work, 'mixed.duckdb'), text, sample]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/notes\.txt: not read: .*unknown file format at offset 0.*not a log format Tracer reads/);
    expect(r.stdout).toMatch(/intrusion\.pcap\.gz: 32,503 packets/);
  });
});
