import { describe, expect, it } from 'vitest';
import { contextOf } from './assess.js';
import type { BirthCertificate } from './certificate.js';
import type { LiveConnection } from './host-monitor.js';
import { renderLiveTable } from './live-table.js';
import { scoreRisk } from './risk-rules.js';
import type { LiveSocket } from './socket-scan.js';

/** A live connection owned by `name` running `argv`, first seen at `firstSeen`. */
function conn(inode: number, name: string, argv: string[], firstSeen: number): LiveConnection {
  const socket = { inode, firstSeen } as LiveSocket;
  const cert = { pid: inode, name, argv, exe: '', tty: '', ancestry: [`${inode}:${name}:1`, '1:systemd:1'], proto: 'tcp', remote_net: '192.0.2.0/24', remote_p: 443, purpose: 'unknown' } as unknown as BirthCertificate;
  return { socket, cert, seq: -1, periodic: false };
}

const totals = { births: 3, deaths: 1, unseenTcp: 4, unattributed: 0, deniedProcesses: 0 };

describe('renderLiveTable', () => {
  it('escapes terminal controls in names and command lines', () => {
    const screen = renderLiveTable([conn(1, 'x\x1b[2J', ['curl', '\x1b]0;pwned\x07', 'http://x'], 990)], totals, 10, 1000, []);
    expect(screen).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(screen).toContain('x\\x1b[2J');
    expect(screen).toContain('\\x1b]0;pwned\\x07');
  });

  it('lists the top N by current risk, long-lived connections rising', () => {
    const screen = renderLiveTable([conn(1, 'firefox', ['firefox'], 990), conn(2, 'bash', ['bash'], 995), conn(3, 'ssh', ['ssh', 'host'], 0)], totals, 2, 5000, ['not root']);
    const rows = screen.split('\n').filter((l) => /^\s+\d+\s+\d+ /.test(l));
    expect(rows.map((r) => r.trim().split(/\s+/)[2])).toEqual(['bash', 'ssh']);
    expect(rows[1]).toContain('long_lived');
    expect(screen).toContain('note: not root');
    expect(screen).toContain('unseen between polls (TCP, estimated) 4');
    expect(screen).toContain('longest 83m (inode 3)');
  });

  it('orders the top N as a full sort would: risk, then age, then inode', () => {
    const names = ['firefox', 'bash', 'curl', 'sh', 'python3'];
    const all = Array.from({ length: 200 }, (_, i) => conn(i + 1, names[(i * 7) % 5], [names[(i * 7) % 5]], 900 + ((i * 13) % 11)));
    const pids = (screen: string): string[] => screen.split('\n').filter((l) => /^\s+\d+\s+\d+ /.test(l)).map((l) => l.trim().split(/\s+/)[1]);
    const score = (c: LiveConnection): number => scoreRisk(contextOf(c.cert, false, 1000 - c.socket.firstSeen)).score;
    const sorted = [...all].sort((a, b) => score(b) - score(a) || a.socket.firstSeen - b.socket.firstSeen || a.socket.inode - b.socket.inode);
    expect(new Set(all.map(score)).size).toBeGreaterThan(2);
    expect(pids(renderLiveTable([...all].reverse(), totals, 7, 1000, []))).toEqual(sorted.slice(0, 7).map((c) => String(c.cert.pid)));
    expect(pids(renderLiveTable(all, totals, 0, 1000, []))).toEqual([]);
  });
});
