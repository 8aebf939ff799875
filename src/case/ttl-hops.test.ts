import { describe, expect, it } from 'vitest';
import { hopsFromTtl, ttlElements } from './ttl-hops.js';

describe('routed hops from TTLs', () => {
  it('counts hops down from the nearest common initial TTL', () => {
    expect(hopsFromTtl(64)).toEqual({ initial: 64, hops: 0 });
    expect(hopsFromTtl(51)).toEqual({ initial: 64, hops: 13 });
    expect(hopsFromTtl(117)).toEqual({ initial: 128, hops: 11 });
    expect(hopsFromTtl(250)).toEqual({ initial: 255, hops: 5 });
    expect(hopsFromTtl(30)).toEqual({ initial: 32, hops: 2 });
  });

  it('proposes a router per side that is routed, none for a direct neighbour', () => {
    const { sourceSide, destinationSide } = ttlElements('203.0.113.66', '10.0.0.5', { fromA: 51, fromB: 64 });
    expect(destinationSide).toEqual([]);
    expect(sourceSide).toEqual([{
      type: 'router', name: '13 routed hop(s) from 203.0.113.66 (TTL 51 of 64)', movement: 'direct', destinationFacts: [],
      sourceFacts: [{ key: 'observed_TTL', value: '51' }, { key: 'initial_TTL', value: '64' }, { key: 'routed_hops', value: '13' }],
    }]);
    expect(ttlElements('a', 'b', { fromA: 0, fromB: 0 })).toEqual({ sourceSide: [], destinationSide: [] });
  });
});
