import { describe, expect, it } from 'vitest';
import type { BirthCertificate } from './certificate.js';
import type { LiveConnection } from './host-monitor.js';
import { currentRisk } from './live-risk.js';
import { riskBand } from './risk-rules.js';
import type { LiveSocket } from './socket-scan.js';

/** A live bash connection (a shell owning a socket). */
function shellConnection(): LiveConnection {
  const cert = { name: 'bash', exe: '/usr/bin/bash', argv: ['bash'], tty: 'pts/0', ancestry: ['9:bash:5', '1:systemd:1'] } as unknown as BirthCertificate;
  return { socket: { inode: 9, firstSeen: 0 } as LiveSocket, cert, seq: -1, periodic: false };
}

describe('currentRisk', () => {
  it('scores once per lifetime band and again once the connection turns long-lived', () => {
    const c = shellConnection();
    const young = currentRisk(c, 5);
    expect(young.reasons).toEqual(['shell_owns_socket']);
    expect(currentRisk(c, 3599)).toBe(young);
    const old = currentRisk(c, 3600);
    expect(old.reasons).toEqual(['shell_owns_socket', 'long_lived']);
    expect(currentRisk(c, 9000)).toBe(old);
    expect(currentRisk(c, 10).reasons).toEqual(['shell_owns_socket']);
  });

  it('bands lifetimes at the rule thresholds', () => {
    expect([0, 3599.9, 3600, 1e9].map(riskBand)).toEqual([0, 0, 1, 1]);
  });
});
