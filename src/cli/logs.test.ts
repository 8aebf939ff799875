import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { runCli } from '../../test/helpers/cli.js';

describe.runIf(haveCorpus)('tracer logs ingest', () => {
  it('ingests logs, prints broken lines as file:line and a summary per file, and goes on past unreadable files', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'tracer-logs-cli-')), 'store.duckdb');
    const broken = corpus('suricata/surevego_eve_broken.json');
    const r = await runCli(['logs', 'ingest', '--db', db, '--tz', 'Europe/Berlin', broken, 'samples/auth.log', '/nonexistent.log']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toContain(`${broken}:104: not a JSON object (bad_json)`);
    expect(lines).toContain(`${broken}: suricata-eve, 273 lines: 45 dns, 68 suricata_alert, 67 http, 13 conn; 11 unreadable, 2017-01-30T15:10:03.963Z – 2017-01-30T15:12:38.159Z`);
    expect(lines.some((l) => /^samples\/auth\.log: sshd-syslog, 54 lines: 54 auth; 0 unreadable, \d{4}-11-20T09:02:00\.000Z/.test(l))).toBe(true);
    expect(lines).toContain('/nonexistent.log: cannot read (ENOENT)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a bad --tz and a missing sub-command as usage errors', async () => {
    const tz = await runCli(['logs', 'ingest', '--tz', 'Nowhere/Land', 'samples/auth.log']);
    expect(tz.code).toBe(2);
    expect(tz.stderr).toMatch(/--tz: unknown time zone "Nowhere\/Land"/);
    expect((await runCli(['logs'])).code).toBe(2);
  });
});
