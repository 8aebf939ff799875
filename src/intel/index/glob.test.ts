import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { globMatch } from './glob.js';

function reference(mask: string, text: string): boolean {
  const escaped = mask.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
  return new RegExp(`^${escaped}$`).test(text);
}

describe('globMatch', () => {
  it('matches stars as any run', () => {
    expect(globMatch('*.evil.com/*', 'a.evil.com/x')).toBe(true);
    expect(globMatch('*.evil.com/*', 'evil.com/x')).toBe(false);
    expect(globMatch('evil.com', 'evil.com')).toBe(true);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('a*b*c', 'abxbc')).toBe(true);
    expect(globMatch('a*b*c', 'abxb')).toBe(false);
  });
  it('agrees with a regular-expression reference', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '.', '/');
    fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', '.', '/'), maxLength: 16 }), (mask, text) => {
      expect(globMatch(mask, text)).toBe(reference(mask, text));
    }), { numRuns: 2000 });
  });
});
