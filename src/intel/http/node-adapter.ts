import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from './api.js';

/**
 * Serves a fetch-style handler through node:http on `host:port`
 * (127.0.0.1 by default). Request bodies over MAX_BODY_BYTES are cut off
 * with 413 before they are buffered whole.
 */
export async function serveFetch(handler: (request: Request) => Promise<Response>, { host = '127.0.0.1', port = 0 } = {}): Promise<{ server: Server; address: AddressInfo }> {
  const server = createServer(async (req, res) => {
    try {
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
      if (body === null) { res.writeHead(413, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: `body exceeds ${MAX_BODY_BYTES} bytes` })); return; }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const response = await handler(new Request(`http://${host}${req.url ?? '/'}`, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: (err as Error).message.split('\n')[0] }));
    }
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, host, () => resolve()); });
  return { server, address: server.address() as AddressInfo };
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) { resolve(null); req.destroy(); return; }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
