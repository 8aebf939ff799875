import { describe, expect, it } from 'vitest';
import { amount, canonicalAddress, canonicalDomain, safeAccount, safeId, validPort } from './values.js';

describe('values that may reach rule text', () => {
  it('accepts addresses in canonical form only', () => {
    expect(canonicalAddress('203.0.113.66')).toEqual({ text: '203.0.113.66', version: 4 });
    expect(canonicalAddress('2001:DB8:0:0::66')).toEqual({ text: '2001:db8::66', version: 6 });
    expect(canonicalAddress('::ffff:192.0.2.1')).toEqual({ text: '192.0.2.1', version: 4 });
    for (const bad of ['203.0.113.66 ', '203.0.113.256', '1.2.3.4/32', '1.2.3.4;id', '$(id)', '::1%eth0', '', 42, null]) expect(canonicalAddress(bad)).toBeNull();
  });

  it('accepts DNS names by a strict label check and lower-cases them', () => {
    expect(canonicalDomain('Update-Check.Example-CDN.net.')).toBe('update-check.example-cdn.net');
    expect(canonicalDomain('xn--bcher-kva.example')).toBe('xn--bcher-kva.example');
    for (const bad of ['localhost', 'a..b', '-a.example', 'a-.example', 'a_b.example', '*.example.com', 'a.example;rm', 'a b.example', '1.2.3.4', `${'a'.repeat(64)}.com`, 'evil.com"', '<script>.x']) {
      expect(canonicalDomain(bad)).toBeNull();
    }
    expect(canonicalDomain(`${'a.'.repeat(126)}com`)).toBeNull();
  });

  it('accepts ports, ids, accounts and amounts only in their plain forms', () => {
    expect([validPort(22), validPort('443'), validPort(0), validPort(70000), validPort('22;'), validPort(22.5)]).toEqual([22, 443, null, null, null, null]);
    expect([safeId('INC-f5bde8051c'), safeId('a"b'), safeId('x\ny')]).toEqual(['INC-f5bde8051c', null, null]);
    expect([safeAccount('admin'), safeAccount('ad min'), safeAccount('$(id)')]).toEqual(['admin', null, null]);
    expect([amount(3), amount('4'), amount(-1), amount(NaN), amount('x')]).toEqual([3, 4, null, null, null]);
  });
});
