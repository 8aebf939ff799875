import { createHash, timingSafeEqual } from 'node:crypto';
import { jsonError, type Handler } from './router.js';

/**
 * The Content-Security-Policy of every response: scripts, styles, images and
 * connections only from the server itself; no inline script or style, no
 * plugins, no framing, no form posts elsewhere.
 */
export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers added to every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Name of the cookie a browser carries the token in after opening `/?token=…` once. */
export const TOKEN_COOKIE = 'tracer_token';

/** Compares two secrets in time independent of where they differ and of their lengths (both are hashed first). */
export function sameSecret(given: string, wanted: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(wanted).digest();
  return timingSafeEqual(a, b) && given.length === wanted.length;
}

function cookie(req: Request, name: string): string | null {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The token a request carries: `Authorization: Bearer …`, else the token cookie. */
function givenToken(req: Request): string | null {
  const auth = req.headers.get('authorization');
  if (auth && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '');
  const c = cookie(req, TOKEN_COOKIE);
  return c === null ? null : decodeURIComponent(c);
}

/**
 * Wraps a handler so that, with a token, every request must carry it as
 * `Authorization: Bearer <token>` or in the `tracer_token` cookie (401
 * otherwise). A browser opens `/?token=<token>` once: the answer sets the
 * cookie (HttpOnly, SameSite=Strict) and redirects to the same page without
 * the token in its address. Without a token, every request passes.
 */
export function requireToken(handler: Handler, token: string | undefined): Handler {
  if (!token) return handler;
  return async (req) => {
    const url = new URL(req.url);
    const inQuery = url.searchParams.get('token');
    if (req.method === 'GET' && inQuery !== null && sameSecret(inQuery, token)) {
      url.searchParams.delete('token');
      return new Response(null, {
        status: 303,
        headers: { location: url.pathname + url.search, 'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict` },
      });
    }
    const given = givenToken(req);
    return given !== null && sameSecret(given, token) ? handler(req) : jsonError(401, 'unauthorised', 'missing or wrong token (send "Authorization: Bearer TOKEN", or open /?token=TOKEN once in a browser)');
  };
}

/** Host names a page served on loopback may be reached by: anything else is a DNS-rebinding attempt. */
const LOOPBACK_NAMES = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/**
 * Without a token the server is reachable only from this machine, but a web
 * page can still point a name it controls at 127.0.0.1 (DNS rebinding): such
 * requests carry the foreign name in `Host` and are refused (421).
 */
export function requireLoopbackHost(handler: Handler): Handler {
  return async (req) => (LOOPBACK_NAMES.test(req.headers.get('host') ?? '') ? handler(req) : jsonError(421, 'misdirected_request', 'this server answers only to localhost, 127.0.0.1 or [::1]'));
}
