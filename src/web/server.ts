import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { jsonError, type Handler } from './router.js';
import { requireLoopbackHost, requireToken, SECURITY_HEADERS } from './security.js';

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
  outgoing.writeHead(response.status, { ...Object.fromEntries(response.headers), ...SECURITY_HEADERS });
  if (!response.body) {
    outgoing.end();
    return;
  }
  // Streamed (server-sent events): a client that goes away cancels the body, which ends its subscription.
  const stream = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  outgoing.on('close', () => stream.destroy());
  stream.on('error', () => outgoing.destroy());
  stream.pipe(outgoing);
}

/**
 * Serves a fetch-style handler over HTTP on `host:port` (127.0.0.1 by default
 * in the CLI); resolves once listening. Every response carries the security
 * headers (strict CSP); with a token every request must carry it, without one
 * only loopback Host names are answered.
 */
export async function serve(handler: Handler, options: ServeOptions): Promise<Server> {
  checkServeOptions(options);
  const guardedHandler = options.token ? requireToken(handler, options.token) : requireLoopbackHost(handler);
  const origin = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
  const server = createServer((incoming, outgoing) => { void bridge(guardedHandler, incoming, outgoing, origin); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}
