import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChainLog } from './chain-log.js';
import { GENESIS_HASH, recordHash } from './chain-hash.js';

const dir = mkdtempSync(join(tmpdir(), 'chain-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = (path: string) => ({ path, checkpointKey: Buffer.alloc(32), checkpointEvery: 2 });

describe('ChainLog', () => {
  it('links each record to the one before and checkpoints every N', () => {
    const path = join(dir, 'a.ndjson');
    const log = new ChainLog(options(path));
    expect([log.append({ kind: 'birth', ts: 1 }, 1), log.append({ kind: 'birth', ts: 2 }, 2), log.append({ kind: 'death', ts: 3 }, 3)]).toEqual([0, 1, 2]);
    log.close(4);
    const records = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0].prev).toBe(GENESIS_HASH);
    expect(records[1].prev).toBe(records[0].hash);
    expect(records.every((r) => recordHash(r) === r.hash)).toBe(true);
    const checkpoints = readFileSync(`${path}.checkpoints`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { count: number; head: string });
    expect(checkpoints.map((c) => c.count)).toEqual([2, 3]);
    expect(checkpoints[1].head).toBe(records[2].hash);
  });

  it('refuses to append to a log whose last line was cut', () => {
    const path = join(dir, 'b.ndjson');
    new ChainLog(options(path)).close(1);
    appendFileSync(path, '{"kind":"bir');
    expect(() => new ChainLog(options(path))).toThrow(`${path}: last line is incomplete; run "tracer host verify" before appending`);
  });
});
