import { describe, expect, it } from 'vitest';
import { createRouter, json } from './router.js';

const app = createRouter([
  { method: 'GET', path: '/api/things/:id', handle: async (_req, { id }) => json(200, { id }) },
  { method: 'POST', path: '/api/things', handle: async () => json(201, {}) },
]);

describe('createRouter', () => {
  it('routes by method and path, decoding parameters, with or without a trailing slash', async () => {
    expect(await (await app(new Request('http://x/api/things/a%20b'))).json()).toEqual({ id: 'a b' });
    expect((await app(new Request('http://x/api/things/', { method: 'POST' }))).status).toBe(201);
  });

  it('answers 404 for unknown paths, 405 for known paths with another method, 400 for malformed encoding', async () => {
    expect((await app(new Request('http://x/api/other'))).status).toBe(404);
    expect((await app(new Request('http://x/api/things/1', { method: 'DELETE' }))).status).toBe(405);
    expect((await app(new Request('http://x/api/things/%E0%A4%A'))).status).toBe(400);
    expect((await app(new Request('http://x/api/things/a/b'))).status).toBe(404);
  });
});
