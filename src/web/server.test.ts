import { describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { checkServeOptions, MAX_REQUEST_BYTES, serve } from './server.js';
import { requireToken } from './security.js';
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

describe('serve over loopback', () => {
  it('bridges HTTP to the handler (method, path, headers, body), refuses oversized bodies, and turns a crash into 500', async () => {
    const server = await serve(async (req) => {
      if (req.url.endsWith('/crash')) throw new Error('boom');
      return json(200, { method: req.method, path: new URL(req.url).pathname, user: req.headers.get('x-tracer-user'), body: await req.text() });
    }, { host: '127.0.0.1', port: 0, token: 'tok' });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const auth = { authorization: 'Bearer tok' };
    try {
      const res = await fetch(`${base}/api/x`, { method: 'POST', headers: { ...auth, 'x-tracer-user': 'dana' }, body: '{"a":1}' });
      expect(await res.json()).toEqual({ method: 'POST', path: '/api/x', user: 'dana', body: '{"a":1}' });
      expect((await fetch(`${base}/api/x`)).status).toBe(401);
      expect((await fetch(`${base}/api/x`, { method: 'POST', headers: auth, body: 'x'.repeat(MAX_REQUEST_BYTES + 1) })).status).toBe(413);
      const stderr = process.stderr.write;
      process.stderr.write = () => true;
      try {
        expect((await fetch(`${base}/crash`, { headers: auth })).status).toBe(500);
      } finally {
        process.stderr.write = stderr;
      }
    } finally {
      server.close();
    }
  });
});
