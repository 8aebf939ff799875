import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProcStat, ttyName } from './proc-stat.js';

describe('parseProcStat', () => {
  it('reads this process', () => {
    const stat = parseProcStat(readFileSync('/proc/self/stat', 'utf8'));
    expect(stat).toMatchObject({ ppid: process.ppid });
    expect(stat!.startTicks).toBeGreaterThan(0);
  });

  it('keeps a hostile comm whole by cutting at the last parenthesis', () => {
    const stat = parseProcStat('77 (evil) 1 2 (x) S 5 77 77 34816 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 9999 0');
    expect(stat).toEqual({ pid: 77, comm: 'evil) 1 2 (x', ppid: 5, ttyNr: 34816, startTicks: 9999 });
  });

  it('rejects text without the fields', () => {
    expect(parseProcStat('12 (sh) S 1')).toBeNull();
    expect(parseProcStat('garbage')).toBeNull();
  });
});

describe('ttyName', () => {
  it('names pseudo-terminals, consoles and serial lines', () => {
    expect(ttyName((136 << 8) | 3)).toBe('pts/3');
    expect(ttyName((137 << 8) | 1)).toBe('pts/257');
    expect(ttyName((4 << 8) | 2)).toBe('tty2');
    expect(ttyName((4 << 8) | 65)).toBe('ttyS1');
    expect(ttyName(0)).toBe('');
  });
});
