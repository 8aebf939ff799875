import { describe, expect, it } from 'vitest';
import { checkServeOptions, requireToken } from './server.js';
import { json } from './router.js';

const ok = requireToken(async () => json(200, { ok: true }), 's3cret');

describe('server guards', () => {
  it('serves loopback without a token but any other address only with one', () => {
    expect(() => checkServeOptions({ host: '127.0.0.1', port: 0 })).not.toThrow();
    expect(() => checkServeOptions({ host: '0.0.0.0', port: 0 })).toThrow(/requires --token/);
    expect(() => checkServeOptions({ host: '0.0.0.0', port: 0, token: 't' })).not.toThrow();
  });

  it('answers 401 without the bearer token', async () => {
    expect((await ok(new Request('http://x/'))).status).toBe(401);
    expect((await ok(new Request('http://x/', { headers: { authorization: 'Bearer wrong!' } }))).status).toBe(401);
    expect((await ok(new Request('http://x/', { headers: { authorization: 'Bearer s3cret' } }))).status).toBe(200);
  });
});
