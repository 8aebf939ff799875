import { describe, expect, it } from 'vitest';
import { rfc3164Stamp, syslogLine } from './syslog.js';

describe('syslog lines', () => {
  it('pads single-digit days with a space and times with zeros', () => {
    expect(rfc3164Stamp(new Date(2026, 10, 3, 9, 5, 7))).toBe('Nov  3 09:05:07');
    expect(rfc3164Stamp(new Date(2026, 0, 23, 23, 59, 0))).toBe('Jan 23 23:59:00');
  });

  it('writes host, tag and pid as rsyslog does', () => {
    expect(syslogLine(new Date(2026, 10, 23, 12, 34, 56), 'victim', 'sshd', 812, 'Failed password for bob from 203.0.113.66 port 4242 ssh2'))
      .toBe('Nov 23 12:34:56 victim sshd[812]: Failed password for bob from 203.0.113.66 port 4242 ssh2');
  });
});
