import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex } from './build-index.js';
import { IntelIndex } from './intel-index.js';
import { matchIndicators } from './match.js';
import { decodeTix, encodeTix } from './tix-format.js';
import type { LoadedFeed } from '../types.js';

const feeds: LoadedFeed[] = [{
  options: { name: 'mixed', parentDomains: true, allowlist: false },
  indicators: [
    { kind: 'ip', value: '10.0.0.0/8', context: { note: 'a|b' }, validFrom: 0, validUntil: 0 },
    { kind: 'ip', value: '2001:db8::/32', context: {}, validFrom: 0, validUntil: 0 },
    { kind: 'domain', value: 'evil.com', context: { ru: 'вредный' }, validFrom: 0, validUntil: 0 },
    { kind: 'url', value: '*.evil.com/gate*', context: {}, validFrom: 0, validUntil: 0 },
    { kind: 'hash', value: 'd41d8cd98f00b204e9800998ecf8427e', context: {}, validFrom: 0, validUntil: 0 },
  ],
  problems: [],
}];
const observed = { ips: ['10.2.3.4', '2001:db8::5'], domains: ['x.evil.com'], urls: ['a.evil.com/gate.php'], hashes: ['d41d8cd98f00b204e9800998ecf8427e'] };

describe('.tix format', () => {
  it('round-trips: a decoded index answers exactly like the built one', () => {
    const { sections } = buildIndex(feeds);
    const file = encodeTix(sections);
    const decoded = new IntelIndex(decodeTix(file, 'f.tix'));
    const direct = matchIndicators(new IntelIndex(sections), observed, { at: 0 });
    expect(direct).toHaveLength(5);
    expect(matchIndicators(decoded, observed, { at: 0 })).toEqual(direct);
  });
  it('names the file and offset of truncation, bad magic, version and checksum damage', () => {
    const file = encodeTix(buildIndex(feeds).sections);
    expect(() => decodeTix(file.subarray(0, 10), 'f.tix')).toThrow(/^f\.tix: not a valid compiled index at byte 10: file is 10 bytes/);
    expect(() => decodeTix(file.subarray(0, file.length - 8), 'f.tix')).toThrow(/at byte \d+: truncated/);
    const wrongMagic = Buffer.from(file); wrongMagic[0] = 0x58;
    expect(() => decodeTix(wrongMagic, 'f.tix')).toThrow(/at byte 0: missing "TRACERIX" magic/);
    const wrongVersion = Buffer.from(file); wrongVersion[8] = 9;
    expect(() => decodeTix(wrongVersion, 'f.tix')).toThrow(/at byte 8: format version 9/);
    const flipped = Buffer.from(file); flipped[flipped.length - 3] ^= 1;
    expect(() => decodeTix(flipped, 'f.tix')).toThrow(/at byte 64: SHA-256 checksum/);
  });
  it('any single flipped byte or truncation is rejected with one line, never a crash', () => {
    const file = encodeTix(buildIndex(feeds).sections);
    fc.assert(fc.property(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 }), fc.nat(file.length - 1), (at, xor, cut) => {
      const damaged = Buffer.from(file); damaged[at] ^= xor;
      for (const bytes of [damaged, file.subarray(0, cut)]) {
        expect(() => decodeTix(bytes, 'f.tix')).toThrow(/^f\.tix: not a valid compiled index at byte \d+: [^\n]+$/);
      }
    }), { numRuns: 300 });
  });
});
