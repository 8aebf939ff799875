import { describe, expect, it } from 'vitest';
import type { BirthCertificate } from './certificate.js';
import type { LiveConnection } from './host-monitor.js';
import { renderLiveTable } from './live-table.js';
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
});
