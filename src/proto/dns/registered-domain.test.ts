import { describe, expect, it } from 'vitest';
import { registeredDomain } from './registered-domain.js';

describe('registeredDomain', () => {
  it('follows the Public Suffix List, private section included', () => {
    expect(registeredDomain('a.b.dnscat.example.co.uk')).toBe('example.co.uk');
    expect(registeredDomain('x.y.user.github.io')).toBe('user.github.io');
    expect(registeredDomain('www.city.kawasaki.jp')).toBe('city.kawasaki.jp');
    expect(registeredDomain('aaa.bbb.pirate.sea')).toBe('pirate.sea');
    expect(registeredDomain('x.co.uk.')).toBe('x.co.uk');
  });

  it('keeps names with escaped bytes (tunnel payloads) and refuses addresses, single labels and bare suffixes', () => {
    expect(registeredDomain('paa\\xc3\\xa1b.t.biillpi.com')).toBe('biillpi.com');
    expect(registeredDomain('10.0.0.1')).toBeNull();
    expect(registeredDomain('wpad')).toBeNull();
    expect(registeredDomain('co.uk')).toBeNull();
    expect(registeredDomain('')).toBeNull();
    expect(registeredDomain(null)).toBeNull();
  });
});
