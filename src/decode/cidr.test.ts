import { describe, expect, it } from 'vitest';
import { parseAddress } from './address.js';
import { cidrContains, parseCidr } from './cidr.js';

function contains(cidr: string, address: string): boolean {
  const net = parseCidr(cidr);
  const words = parseAddress(address);
  if (net === null || words === null) throw new TypeError(`bad test input ${cidr} ${address}`);
  return cidrContains(net, words);
}

describe('parseCidr / cidrContains', () => {
  it('matches IPv4 prefixes, masking host bits of the network', () => {
    expect(contains('10.0.0.0/8', '10.255.1.2')).toBe(true);
    expect(contains('10.1.2.3/8', '10.9.9.9')).toBe(true);
    expect(contains('10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(contains('192.168.1.0/25', '192.168.1.127')).toBe(true);
    expect(contains('192.168.1.0/25', '192.168.1.128')).toBe(false);
    expect(contains('0.0.0.0/0', '8.8.8.8')).toBe(true);
  });

  it('keeps families apart: an IPv4 network never holds a native IPv6 address', () => {
    expect(contains('0.0.0.0/0', '2001:db8::1')).toBe(false);
    expect(contains('::/0', '10.0.0.1')).toBe(true);
  });

  it('matches IPv6 prefixes across word boundaries', () => {
    expect(contains('2001:db8::/32', '2001:db8:ffff::1')).toBe(true);
    expect(contains('2001:db8::/33', '2001:db8:8000::1')).toBe(false);
    expect(contains('fe80::/10', 'febf::1')).toBe(true);
    expect(contains('2001:db8::1', '2001:db8::1')).toBe(true);
    expect(contains('2001:db8::1', '2001:db8::2')).toBe(false);
  });

  it('records the prefix over 128 bits', () => {
    expect(parseCidr('10.0.0.0/8')).toMatchObject({ bits: 104, version: 4 });
    expect(parseCidr('2001:db8::/32')).toMatchObject({ bits: 32, version: 6 });
  });

  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/x', 'nonsense/8', '10.0.0.0/-1'])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeNull();
  });
});
