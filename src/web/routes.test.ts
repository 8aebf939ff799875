import { describe, expect, it } from 'vitest';
import { openStore } from '../store/duckdb.js';
import { createRouter } from './router.js';
import { serverRoutes } from './routes.js';

describe('serverRoutes', () => {
  it('mounts the case API', async () => {
    const store = await openStore(':memory:');
    const app = createRouter(await serverRoutes(store));
    const res = await app(new Request('http://localhost/api/cases'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ cases: [] });
    await store.close();
  });
});
