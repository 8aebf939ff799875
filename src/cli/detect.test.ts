import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { openStore } from '../store/duckdb.js';
import { allSchemas, schemaByName } from '../store/schema/index.js';
import { conn, T0 } from '../detect/testing/store.js';

/** A store file holding a 20-port scan from 10.0.0.66 and a traversal request carrying terminal escapes. */
async function storeFile(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'tracer-detect-')), 'case.duckdb');
  const store = await openStore(path);
  for (const schema of allSchemas) await store.ensure(schema);
  const conns = store.writer(schemaByName('conn')!);
  for (let i = 0; i < 20; i++) conns.append(conn({ ts: T0 + i / 10, uid: `P${i}`, id_orig_h: '10.0.0.66', id_resp_p: i + 1, orig_bytes: 0, resp_bytes: 0, history: 'Sr', conn_state: 'REJ' }));
  store.writer(schemaByName('http')!).append({ ts: T0, uid: 'H1', id_orig_h: '10.0.0.7', id_orig_p: 40000, id_resp_h: '10.0.0.80', id_resp_p: 80, method: 'GET', host: 'x', uri: '/f?p=../../etc/passwd\x1b[2J' });
  await store.close();
  return path;
}

describe('tracer detect and tracer alerts', () => {
  it('detects, lists by severity with terminal escaping, and emits NDJSON with evidence', async () => {
    const db = await storeFile();
    const detect = await runCli(['detect', '--db', db]);
    expect(detect.code).toBe(0);
    expect(detect.stdout).toMatch(/port_scan\s+0\s+1\s+0/);
    expect(detect.stderr).toContain('2 alert(s), 0 allowlisted');
    const table = await runCli(['alerts', '--db', db]);
    expect(table.stdout).toContain('10.0.0.66');
    expect(table.stdout).not.toContain('\x1b');
    const json = await runCli(['alerts', '--db', db, '--json', '--detector', 'web_attack']);
    const [alert] = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(alert).toMatchObject({ detector: 'web_attack', src: '10.0.0.7', technique_id: 'T1190', evidence: { class: 'path_traversal', uids: ['H1'] } });
  });

  it('applies --set, --allow and --config to stored data, and reports bad input in one line', async () => {
    const db = await storeFile();
    expect((await runCli(['detect', '--db', db, '--set', 'port_scan.min_ports=21', '--allow', '10.0.0.80'])).stderr).toContain('0 alert(s), 1 allowlisted');
    const config = join(db, '..', 'c.json');
    writeFileSync(config, JSON.stringify({ detectors: { port_scan: { min_ports: 5 } }, allow: ['10.0.0.7>10.0.0.80'] }));
    expect((await runCli(['detect', '--db', db, '--config', config])).stderr).toContain('1 alert(s), 1 allowlisted');
    const bad = await runCli(['detect', '--db', db, '--set', 'port_scan.nope=1']);
    expect([bad.code, bad.stderr.trim().split('\n').length]).toEqual([1, 1]);
    expect(bad.stderr).toContain('port_scan has no parameter "nope"');
    expect((await runCli(['alerts', '--db', db, '--severity', 'urgent'])).stderr).toContain('--severity "urgent": expected one of info, low');
  });
});
