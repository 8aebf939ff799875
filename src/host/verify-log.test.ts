import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChainLog } from './chain-log.js';
import { checkpointMac, recordHash } from './chain-hash.js';
import { canonicalJson } from './canonical-json.js';
import { deriveKeys } from './host-key.js';
import { verifyChainLog } from './verify-log.js';

const keys = deriveKeys(Buffer.alloc(32, 7));
let dir = '';
let logPath = '';

/** Writes a log of `n` records with a checkpoint every 4, returns its lines. */
function writeLog(n: number): string[] {
  const log = new ChainLog({ path: logPath, checkpointKey: keys.checkpoint, checkpointEvery: 4 });
  for (let i = 0; i < n; i++) log.append({ kind: 'birth', ts: 1000 + i, inode: 500 + i }, 1000 + i);
  log.close(2000);
  return readFileSync(logPath, 'utf8').split('\n').slice(0, -1);
}

/** Verifies `lines` as the log text against the checkpoints on disk. */
function verify(lines: string[], key: Buffer | null = keys.checkpoint) {
  return verifyChainLog(lines.map((l) => l + '\n').join(''), readFileSync(`${logPath}.checkpoints`, 'utf8'), key);
}

/** Re-hashes a record after editing it, as a forger without the key would. */
function rehash(line: string, edit: (r: Record<string, unknown>) => void): string {
  const record = JSON.parse(line) as Record<string, unknown>;
  edit(record);
  record.hash = recordHash(record);
  return canonicalJson(record);
}

beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'chainlog-')); logPath = join(dir, 'births.ndjson'); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('verifyChainLog', () => {
  it('accepts an untouched log and authenticates every checkpoint', () => {
    const result = verify(writeLog(10));
    expect(result).toMatchObject({ records: 10, checkpoints: 3, authenticated: 3, problems: [] });
  });

  it('continues the chain when a log is reopened', () => {
    writeLog(5);
    const lines = writeLog(3);
    expect(lines).toHaveLength(8);
    expect(verify(lines).problems).toEqual([]);
  });

  it('locates an edited record', () => {
    const lines = writeLog(10);
    lines[6] = lines[6].replace('"inode":506', '"inode":999');
    expect(verify(lines).problems[0]).toMatchObject({ code: 'record_edited', line: 7 });
  });

  it('locates an edited record whose hash was recomputed', () => {
    const lines = writeLog(10);
    lines[6] = rehash(lines[6], (r) => { r.inode = 999; });
    expect(verify(lines).problems[0]).toMatchObject({ code: 'record_rehashed', line: 8 });
  });

  it('locates a deleted record', () => {
    const lines = writeLog(10);
    lines.splice(3, 1);
    expect(verify(lines).problems[0]).toMatchObject({ code: 'record_missing', line: 4 });
  });

  it('locates an inserted record', () => {
    const lines = writeLog(10);
    lines.splice(5, 0, lines[2]);
    expect(verify(lines).problems[0]).toMatchObject({ code: 'record_out_of_order', line: 6 });
  });

  it('locates reordered records', () => {
    const lines = writeLog(10);
    [lines[4], lines[5]] = [lines[5], lines[4]];
    expect(verify(lines).problems[0]).toMatchObject({ code: 'record_missing', line: 5 });
  });

  it('detects a truncated log through the checkpoints', () => {
    const lines = writeLog(10).slice(0, 6);
    const problems = verify(lines).problems;
    expect(problems[0]).toMatchObject({ code: 'log_truncated', file: 'checkpoints', line: 2 });
    expect(problems.map((p) => p.code)).toEqual(['log_truncated', 'log_truncated']);
  });

  it('detects a record cut mid-line', () => {
    const lines = writeLog(10);
    const text = lines.join('\n').slice(0, -20);
    const result = verifyChainLog(text, null, null);
    expect(result.problems[0]).toMatchObject({ code: 'record_truncated', line: 10 });
  });

  it('detects a whole chain rewritten without the key', () => {
    const lines = writeLog(8);
    let prev = '0'.repeat(64);
    const forged = lines.map((line, i) => {
      const out = rehash(line, (r) => { r.prev = prev; if (i === 1) r.inode = 1; });
      prev = (JSON.parse(out) as { hash: string }).hash;
      return out;
    });
    expect(verify(forged).problems[0]).toMatchObject({ code: 'log_rewritten', file: 'checkpoints', line: 1 });
    expect(verify(forged).problems[0].message).toContain('within seq 0…3');
  });

  it('detects a forged checkpoint and accepts it only with the right key', () => {
    writeLog(8);
    const cpPath = `${logPath}.checkpoints`;
    const cp = JSON.parse(readFileSync(cpPath, 'utf8').split('\n')[0]) as { count: number; head: string; ts: number };
    const forged = { ...cp, count: 2, mac: checkpointMac(deriveKeys(Buffer.alloc(32, 1)).checkpoint, 2, cp.head, cp.ts) };
    writeFileSync(cpPath, canonicalJson(forged) + '\n');
    const result = verifyChainLog(readFileSync(logPath, 'utf8'), readFileSync(cpPath, 'utf8'), keys.checkpoint);
    expect(result.problems[0]).toMatchObject({ code: 'checkpoint_forged', line: 1 });
  });
});

describe('verifyChainLog locating a rewrite', () => {
  it('narrows a rewritten chain to the records after the last matching checkpoint', () => {
    const lines = writeLog(8);
    let prev = (JSON.parse(lines[4]) as { prev: string }).prev;
    const forged = [...lines.slice(0, 4), ...lines.slice(4).map((line, i) => {
      const out = rehash(line, (r) => { r.prev = prev; if (i === 1) r.inode = 1; });
      prev = (JSON.parse(out) as { hash: string }).hash;
      return out;
    })];
    const problems = verify(forged).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'log_rewritten', line: 2 });
    expect(problems[0].message).toContain('within seq 4…7');
  });
});
