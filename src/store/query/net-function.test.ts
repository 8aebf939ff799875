import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../duckdb.js';

describe('tracer_in_net', () => {
  let store: Store;
  beforeAll(async () => { store = await openStore(':memory:'); });
  afterAll(async () => { await store.close(); });

  it.each([
    ['10.1.2.3', '10.0.0.0/8', true],
    ['11.1.2.3', '10.0.0.0/8', false],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['10.1.2.3', '2001:db8::/32', false],
    ['not an address', '10.0.0.0/8', false],
    ['10.1.2.3', 'not a net', false],
  ])('%s in %s → %s', async (addr, net, expected) => {
    expect(await store.all('SELECT tracer_in_net(?, ?) AS hit', [addr, net])).toEqual([{ hit: expected }]);
  });
});
