import { describe, expect, it } from 'vitest';
import { fixtureAnalysis } from './testing/fixtures.js';
import { analysisNets, blockScope } from './scope.js';
import { canonicalAddress } from './values.js';

const at = (text: string) => canonicalAddress(text)!;

describe('blockScope', () => {
  const scope = blockScope(['10.0.0.0/8', '2001:db8:10::/48'], new Set(['198.51.100.7']));

  it('blocks external unicast addresses only', () => {
    expect(scope.isBlockable(at('203.0.113.66'))).toBe(true);
    expect(scope.isBlockable(at('2001:db8:bad::66'))).toBe(true);
    for (const never of ['10.1.2.3', '2001:db8:10::5', '198.51.100.7', '0.0.0.0', '224.0.0.251', '255.255.255.255', 'ff02::1', '::']) {
      expect(scope.isBlockable(at(never)), never).toBe(false);
    }
    expect(scope.isInternal(at('10.1.2.3'))).toBe(true);
    expect(scope.isInternal(at('224.0.0.251'))).toBe(false);
  });
});

describe('analysisNets', () => {
  it('takes the networks the analysis was made with, or the private ranges', () => {
    expect(analysisNets(fixtureAnalysis(), ['192.0.2.0/24'])).toEqual(['10.0.0.0/8', '2001:db8:10::/48', '192.0.2.0/24']);
    expect(analysisNets({ ...fixtureAnalysis(), parameters: { internalNets: 'private ranges' } })).toContain('192.168.0.0/16');
  });
});
