import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { jsonError, type Handler } from './router.js';

/** Largest request body read from a socket before answering 413. */
export const MAX_REQUEST_BYTES = 1 << 20;
/** Addresses that only this machine can reach: serving on them needs no token. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Where and how to serve. */
export interface ServeOptions { host: string; port: number; token?: string }

/** Throws a one-line RangeError when a non-loopback address is asked for without a token. */
export function checkServeOptions(options: ServeOptions): void {
  if (!LOOPBACK.has(options.host) && !options.token) throw new RangeError(`serving on ${options.host} (reachable from other machines) requires --token`);
}

function authorised(req: Request, token: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(req.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Wraps a handler so that, with a token, every request must carry `Authorization: Bearer <token>` (401 otherwise). */
export function requireToken(handler: Handler, token: string | undefined): Handler {
  return async (req) => (authorised(req, token) ? handler(req) : jsonError(401, 'unauthorised', 'missing or wrong bearer token'));
}

async function readBody(incoming: IncomingMessage): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function bridge(handler: Handler, incoming: IncomingMessage, outgoing: ServerResponse, origin: string): Promise<void> {
  const body = incoming.method === 'GET' || incoming.method === 'HEAD' ? undefined : await readBody(incoming);
  let response: Response;
  if (body === 'too_large') response = jsonError(413, 'payload_too_large', `request body larger than ${MAX_REQUEST_BYTES} bytes`);
  else {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
    try {
      response = await handler(new Request(new URL(incoming.url ?? '/', origin), { method: incoming.method, headers, body: body ? new Uint8Array(body) : undefined }));
    } catch (err) {
      process.stderr.write(`tracer serve: ${incoming.method} ${incoming.url}: ${(err as Error).message.split('\n')[0]}\n`);
      response = jsonError(500, 'internal_error', 'internal error; see the server log');
    }
  }
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/** Serves a fetch-style handler over HTTP on `host:port` (127.0.0.1 by default in the CLI); resolves once listening. */
export async function serve(handler: Handler, options: ServeOptions): Promise<Server> {
  checkServeOptions(options);
  const guardedHandler = requireToken(handler, options.token);
  const origin = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
  const server = createServer((incoming, outgoing) => { void bridge(guardedHandler, incoming, outgoing, origin); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}
