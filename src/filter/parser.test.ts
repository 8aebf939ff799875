import { describe, expect, it } from 'vitest';
import { FilterSyntaxError } from './filter-syntax-error.js';
import { parseFilter } from './parser.js';

function errorOf(text: string): FilterSyntaxError {
  try {
    parseFilter(text);
  } catch (err) {
    if (err instanceof FilterSyntaxError) return err;
    throw err;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseFilter', () => {
  it('gives and precedence over or, as tcpdump', () => {
    expect(parseFilter('arp or tcp and port 80')).toEqual({
      kind: 'or', left: { kind: 'protocol', name: 'arp' },
      right: { kind: 'and', left: { kind: 'protocol', name: 'tcp' }, right: { kind: 'port', dir: 'any', low: 80, high: 80, transport: null } },
    });
  });

  it('reads qualifiers, symbols and keywords in any case', () => {
    expect(parseFilter('!(TCP && Dst Port 22) || udp src portrange 2000-1000')).toEqual({
      kind: 'or',
      left: { kind: 'not', operand: { kind: 'and', left: { kind: 'protocol', name: 'tcp' }, right: { kind: 'port', dir: 'dst', low: 22, high: 22, transport: null } } },
      right: { kind: 'port', dir: 'src', low: 1000, high: 2000, transport: 'udp' },
    });
    expect(parseFilter('src net 10.1.0.0 mask 255.255.0.0')).toEqual({ kind: 'net', dir: 'src', cidr: '10.1.0.0/16' });
    expect(parseFilter('ip6 proto 58')).toEqual({ kind: 'and', left: { kind: 'protocol', name: 'ip6' }, right: { kind: 'ip-proto', number: 58 } });
    expect(parseFilter('proto \\udp')).toEqual({ kind: 'ip-proto', number: 17 });
    expect(parseFilter('vlan 100 and vlan')).toEqual({ kind: 'and', left: { kind: 'vlan', id: 100 }, right: { kind: 'vlan', id: null } });
    expect(parseFilter('dst host 2001:DB8::1')).toEqual({ kind: 'host', dir: 'dst', address: '2001:db8::1' });
  });

  it.each([
    ['tcp and port', 13, "expected a port number after 'port'"],
    ['tcp and port http', 14, "expected a port number (0-65535) after 'port', found 'http'"],
    ['host 10.0.0.256', 6, "expected an IPv4 or IPv6 address after 'host', found '10.0.0.256'"],
    ['(tcp or udp', 12, "expected ')' to close the '(' at column 1"],
    ['tcp udp', 5, "expected 'and', 'or' or the end of the filter, found 'udp'"],
    ['net 10.0.0.1/8', 5, "network '10.0.0.1/8' has host bits set (tcpdump refuses it too)"],
    ['net 10.0.0.0 mask 255.0.255.0', 19, 'expected a contiguous IPv4 netmask'],
    ['src tcp', 5, "unexpected 'tcp'; expected one of host, net, port, portrange"],
    ['and tcp', 1, "unexpected 'and'; expected one of host"],
    ['', 1, 'unexpected end of filter'],
    ['vlan 5000', 6, 'expected a VLAN id from 0 to 4095'],
    ['proto bogus', 7, 'expected a protocol number (0-255) or one of'],
  ])('%j fails at column %i: %s', (text, column, reason) => {
    const err = errorOf(text);
    expect(err.column).toBe(column);
    expect(err.message).toContain(`Cannot parse filter at column ${column}: ${reason}`);
    expect(err).toBeInstanceOf(SyntaxError);
  });

  it('bounds nesting and length', () => {
    expect(errorOf('('.repeat(200) + 'tcp' + ')'.repeat(200)).message).toContain('nesting deeper than 100');
    expect(errorOf('not '.repeat(1100) + 'tcp').message).toContain('longer than 4096 characters');
  });
});
