import { describe, expect, it } from 'vitest';
import type { DeathRecord } from './host-monitor.js';
import type { HostLog, LoggedBirth } from './host-log-reader.js';
import { connectionsAt, parseWhen } from './time-travel.js';

/** A log with one connection seen at polls 110…150 (polls every 10 s), closed by 160, and one still open. */
function log(): HostLog {
  const birth = (seq: number, ts: number, prev: number) => ({ kind: 'birth', seq, ts, prev_poll: prev, inode: seq }) as unknown as LoggedBirth;
  const death = { kind: 'death', birth_seq: 0, ts: 160, last_seen: 150 } as DeathRecord;
  return { births: [birth(0, 110, 100), birth(1, 150, 140)], deaths: new Map([[0, death]]), lastTs: 170 };
}

/** Presence of each connection at `t`, by seq. */
function at(t: number): Array<[number, string]> {
  return connectionsAt(log(), t).map((c) => [c.birth.seq, c.presence]);
}

describe('connectionsAt', () => {
  it('brackets birth and death by the polls around them', () => {
    expect(at(100)).toEqual([]);
    expect(at(105)).toEqual([[0, 'maybe_born']]);
    expect(at(110)).toEqual([[0, 'open']]);
    expect(at(145)).toEqual([[0, 'open'], [1, 'maybe_born']]);
    expect(at(155)).toEqual([[0, 'maybe_closed'], [1, 'open']]);
    expect(at(160)).toEqual([[1, 'open']]);
  });

  it('knows nothing after the log ends', () => {
    expect(at(171)).toEqual([]);
  });
});

describe('parseWhen', () => {
  it('reads UTC by default, zones and epoch seconds', () => {
    expect(parseWhen('2026-11-21 14:32')).toBe(Date.UTC(2026, 10, 21, 14, 32) / 1000);
    expect(parseWhen('2026-11-21T14:32:10+02:00')).toBe(Date.UTC(2026, 10, 21, 12, 32, 10) / 1000);
    expect(parseWhen('1795271520')).toBe(1795271520);
    expect(parseWhen('yesterday')).toBeNaN();
  });
});
