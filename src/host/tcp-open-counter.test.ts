import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScratchBuffer } from './proc-read.js';
import { tcpOpens, unseenBetweenPolls } from './tcp-open-counter.js';

const root = mkdtempSync(join(tmpdir(), 'fake-snmp-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('tcpOpens', () => {
  it('adds ActiveOpens and PassiveOpens from /proc/net/snmp', () => {
    mkdirSync(join(root, 'net'));
    writeFileSync(join(root, 'net', 'snmp'), 'Ip: Forwarding\nIp: 1\nTcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails\nTcp: 1 200 120000 -1 34 2 0\n');
    expect(tcpOpens(root, new ScratchBuffer())).toBe(36);
    expect(tcpOpens('/proc', new ScratchBuffer())).toBeGreaterThan(0);
    expect(tcpOpens(join(root, 'missing'), new ScratchBuffer())).toBe(-1);
  });
});

describe('unseenBetweenPolls', () => {
  it('is the rise of the counters not explained by seen births, never negative', () => {
    expect(unseenBetweenPolls(100, 130, 25)).toBe(5);
    expect(unseenBetweenPolls(100, 110, 25)).toBe(0);
    expect(unseenBetweenPolls(-1, 110, 0)).toBe(0);
  });
});
