import { describe, expect, it } from 'vitest';
import { parseAddress } from '../decode/address.js';
import { communityId } from './community-id.js';

const a = (text: string) => parseAddress(text) as Uint32Array;

describe('communityId', () => {
  it('matches the published example for a TCP flow, in both directions', () => {
    // Example from Tenzir's community_id documentation (spec v1, seed 0).
    expect(communityId(a('1.2.3.4'), 4584, a('43.3.132.3'), 3483, 6, 4)).toBe('1:koNcqhFRD5kb254ZrLsdv630jCM=');
    expect(communityId(a('43.3.132.3'), 3483, a('1.2.3.4'), 4584, 6, 4)).toBe('1:koNcqhFRD5kb254ZrLsdv630jCM=');
  });

  it('pairs ICMP echo request and reply, but keeps one-way messages directional', () => {
    const request = communityId(a('10.0.0.1'), 8, a('10.0.0.2'), 0, 1, 4);
    expect(communityId(a('10.0.0.2'), 0, a('10.0.0.1'), 8, 1, 4)).toBe(request);
    const unreachable = communityId(a('10.0.0.2'), 3, a('10.0.0.1'), 1, 1, 4);
    expect(communityId(a('10.0.0.1'), 3, a('10.0.0.2'), 1, 1, 4)).not.toBe(unreachable);
  });

  it('depends on the seed', () => {
    expect(communityId(a('1.2.3.4'), 1, a('5.6.7.8'), 2, 17, 4, 1)).not.toBe(communityId(a('1.2.3.4'), 1, a('5.6.7.8'), 2, 17, 4));
  });
});
