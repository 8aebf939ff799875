import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHostLog } from './host-log-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'host-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A log file with `lines`. */
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('readHostLog', () => {
  it('indexes deaths by the seq of their birth', () => {
    const log = readHostLog(file('ok.ndjson', ['{"kind":"birth","seq":0,"ts":5}', '{"kind":"death","seq":1,"birth_seq":0,"ts":9}']));
    expect(log.births.map((b) => b.seq)).toEqual([0]);
    expect(log.deaths.get(0)?.ts).toBe(9);
    expect(log.lastTs).toBe(9);
  });

  it('names the file and line of a bad record', () => {
    const bad = file('bad.ndjson', ['{"kind":"birth","seq":0,"ts":5}', '{"kind":"birth"']);
    expect(() => readHostLog(bad)).toThrow(`${bad}: line 2: not a JSON record`);
    const odd = file('odd.ndjson', ['{"kind":"party","ts":5}']);
    expect(() => readHostLog(odd)).toThrow(`${odd}: line 1: expected a birth or death record with ts and seq`);
  });
});
