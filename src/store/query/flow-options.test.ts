import { describe, expect, it } from 'vitest';
import { flowFiltersFrom, parseTime } from './flow-options.js';

describe('flow option values', () => {
  it('names the option and the expected value', () => {
    expect(() => flowFiltersFrom({ port: '70000' })).toThrow('--port "70000": expected a whole number from 0 to 65535');
    expect(() => flowFiltersFrom({ host: '10.0.0.300' })).toThrow('--host "10.0.0.300": expected an IPv4 or IPv6 address');
    expect(() => flowFiltersFrom({ net: '10.0.0.0/33' })).toThrow(/--net/);
    expect(() => flowFiltersFrom({ proto: 'sctp' })).toThrow('expected one of tcp, udp, icmp');
    expect(() => flowFiltersFrom({ since: 'yesterday' })).toThrow(/--since "yesterday"/);
  });

  it('normalises addresses as the store writes them', () => {
    expect(flowFiltersFrom({ host: '2001:DB8:0:0::1', state: 'S0,,REJ' })).toEqual({ host: '2001:db8::1', states: ['S0', 'REJ'] });
  });

  it('reads times as epoch seconds or ISO 8601 in UTC', () => {
    expect(parseTime('since', '1619605800.5')).toBe(1619605800.5);
    expect(parseTime('since', '2021-04-28T12:30:00+02:00')).toBe(1619605800);
    expect(flowFiltersFrom({ since: '2021-04-28T10:30:00', until: '2021-04-28' })).toEqual({ since: 1619605800, until: 1619568000 });
  });
});
