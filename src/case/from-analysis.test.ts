import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { openExistingStore } from '../store/duckdb.js';
import { CaseStore } from './store.js';

const out = mkdtempSync(join(tmpdir(), 'tracer-case-analysis-'));
const db = join(out, 'tracer.duckdb');
beforeAll(async () => {
  const r = await runCli(['analyze', 'samples/intrusion.pcap.gz', 'samples/auth.log', '--out', out, '--quiet']);
  expect(r.code).toBe(0);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('tracer case from-analysis', () => {
  it('opens a case from the incident: attacker to compromised host, hop, alerts, log lines, chain as notes', async () => {
    const r = await runCli(['case', 'from-analysis', '--db', db, '--analysis', join(out, 'analysis.json')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^CASE_\S+: 203\.0\.113\.66 → 10\.10\.0\.10 from INC-\w+, 2 proposed elements/);
    const store = await openExistingStore(db);
    const [stored] = await (await CaseStore.open(store)).list();
    await store.close();
    const c = stored.case;
    expect(c.path.map((e) => e.name)).toEqual(['13 routed hop(s) from 203.0.113.66 (TTL 51 of 64)', 'L2 hop 02:42:00:00:00:0a']);
    expect(c.path[0].sourceFacts).toContainEqual({ key: 'routed_hops', value: '13' });
    const kinds = new Set(c.evidence.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['alert', 'connection', 'log']);
    expect(c.evidence.find((e) => e.kind === 'log')).toMatchObject({ ref: 'auth.log:53' });
    expect(c.notes[0]).toMatch(/^Opened from INC-\w+ of tracer analyze: critical/);
    expect(c.notes.some((n) => /accepted password for "admin"/.test(n))).toBe(true);
  });

  it('says which incidents exist when asked for another, and rejects a file that is no analysis', async () => {
    const unknown = await runCli(['case', 'from-analysis', '--db', db, '--incident', 'INC-nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no incident INC-nope; there are INC-\w+/);
    const bogus = join(out, 'bogus.json');
    writeFileSync(bogus, '{"incidents": 3}');
    const bad = await runCli(['case', 'from-analysis', '--db', db, '--analysis', bogus]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bogus\.json: not an analysis\.json of tracer analyze/);
  });
});
