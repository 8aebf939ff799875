import { describe, expect, it } from 'vitest';
import { json } from './router.js';
import { requireLoopbackHost, requireToken, sameSecret, TOKEN_COOKIE } from './security.js';

const ok = async (): Promise<Response> => json(200, { ok: true });

describe('sameSecret', () => {
  it('is true only for equal strings, whatever their lengths', () => {
    expect(sameSecret('s3cret', 's3cret')).toBe(true);
    expect(sameSecret('s3cre', 's3cret')).toBe(false);
    expect(sameSecret('s3cret!', 's3cret')).toBe(false);
    expect(sameSecret('', 's3cret')).toBe(false);
  });
});

describe('requireToken', () => {
  const app = requireToken(ok, 's3cret');

  it('lets through the bearer token or the token cookie, nothing else', async () => {
    expect((await app(new Request('http://x/api/cases'))).status).toBe(401);
    expect((await app(new Request('http://x/', { headers: { authorization: 'Bearer wrong!' } }))).status).toBe(401);
    expect((await app(new Request('http://x/', { headers: { authorization: 'Basic s3cret' } }))).status).toBe(401);
    expect((await app(new Request('http://x/', { headers: { authorization: 'Bearer s3cret' } }))).status).toBe(200);
    expect((await app(new Request('http://x/', { headers: { cookie: `a=b; ${TOKEN_COOKIE}=s3cret` } }))).status).toBe(200);
    expect((await app(new Request('http://x/', { headers: { cookie: `${TOKEN_COOKIE}=s3cre` } }))).status).toBe(401);
  });

  it('turns /?token=… into an HttpOnly, SameSite=Strict cookie and a redirect that drops the token from the address', async () => {
    const res = await app(new Request('http://x/?token=s3cret&view=alerts'));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?view=alerts');
    expect(res.headers.get('set-cookie')).toBe(`${TOKEN_COOKIE}=s3cret; Path=/; HttpOnly; SameSite=Strict`);
    expect((await app(new Request('http://x/?token=guess'))).status).toBe(401);
    expect((await app(new Request('http://x/api/cases?token=s3cret', { method: 'POST' }))).status).toBe(401);
  });

  it('is a no-op without a token', async () => {
    expect((await requireToken(ok, undefined)(new Request('http://x/'))).status).toBe(200);
  });
});

describe('requireLoopbackHost', () => {
  const app = requireLoopbackHost(ok);
  const withHost = (host: string): Request => new Request('http://x/', { headers: { host } });

  it('answers loopback names and refuses any other Host (DNS rebinding) with 421', async () => {
    for (const host of ['localhost:8080', '127.0.0.1:8080', '127.0.0.1', '[::1]:8080', 'LOCALHOST']) expect((await app(withHost(host))).status, host).toBe(200);
    for (const host of ['evil.example:8080', '127.0.0.1.evil.example', 'localhost.evil.example', '']) expect((await app(withHost(host))).status, host).toBe(421);
  });
});
