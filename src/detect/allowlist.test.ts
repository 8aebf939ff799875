import { describe, expect, it } from 'vitest';
import { makeAlert, type Alert } from './alert.js';
import { isAllowed, parseAllowlist } from './allowlist.js';

/** An alert from `src` to `dst`. */
function alert(src: string, dst: string[]): Alert {
  return makeAlert({
    key: `${src}>${dst}`, detector: 'beacon', severity: 'low', score: 0.8, attack: { tactic: 't', techniqueId: 'T0', technique: 'x' },
    firstSeen: 0, lastSeen: 0, src, dst, explanation: '', evidence: {},
  });
}

describe('allowlist', () => {
  it('drops alerts by source CIDR, by destinations, by domain and by pair', () => {
    const list = parseAllowlist(['10.1.0.0/16', '2001:db8::/32', 'windowsupdate.com', '10.0.0.5>192.0.2.0/24']);
    expect(isAllowed(list, alert('10.1.2.3', ['198.51.100.1']))).toBe(true);
    expect(isAllowed(list, alert('10.0.0.9', ['2001:db8::7']))).toBe(true);
    expect(isAllowed(list, alert('10.0.0.9', ['dl.windowsupdate.com']))).toBe(true);
    expect(isAllowed(list, alert('10.0.0.5', ['192.0.2.44']))).toBe(true);
  });

  it('keeps near misses: other source in a pair, lookalike domains, partly allowed destinations', () => {
    const list = parseAllowlist(['windowsupdate.com', '10.0.0.5>192.0.2.0/24', '198.51.100.1']);
    expect(isAllowed(list, alert('10.0.0.6', ['192.0.2.44']))).toBe(false);
    expect(isAllowed(list, alert('10.0.0.9', ['evilwindowsupdate.com']))).toBe(false);
    expect(isAllowed(list, alert('10.0.0.9', ['198.51.100.1', '198.51.100.2']))).toBe(false);
  });

  it('rejects entries that are neither networks, domains nor pairs', () => {
    expect(() => parseAllowlist(['10.0.0.0/33'], '--allow')).toThrow('--allow: "10.0.0.0/33" is not a CIDR');
    expect(() => parseAllowlist(['a b>c'])).toThrow('is not a CIDR');
  });
});
