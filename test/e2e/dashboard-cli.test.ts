import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const canCapture = spawnSync('tcpdump', ['-i', 'lo', '-d'], { stdio: 'ignore' }).status === 0;

describe('tracer serve arguments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracer-serve-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a non-loopback address without a token, in one line', async () => {
    const r = await runCli(['serve', '--db', join(dir, 'a.duckdb'), '--host', '0.0.0.0', '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/serving on 0\.0\.0\.0 .* requires --token/);
  });

  it('refuses capture options without --capture, and bad capture options as tracer capture does', async () => {
    const r = await runCli(['serve', '--db', join(dir, 'a.duckdb'), '-f', 'tcp']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"-f" is a capture option or filter: it needs --capture IFACE/);
    const bad = await runCli(['serve', '--capture', 'lo', '--rotate', '1h']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--rotate needs an output file/);
    const port = await runCli(['serve', '--port', '70000']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port needs a port number/);
  });

  it.runIf(canCapture)('ends with a one-line error when the capture interface does not exist', async () => {
    const r = await runCli(['serve', '--capture', 'nosuchif0', '--port', '0', '--db', join(dir, 'b.duckdb')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/capture on nosuchif0: no such interface/);
  });
});
