import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

/** A loopback DNS server for tests: answers PTR queries with `answer(qname)`, or stays silent on null. */
export interface PtrServer { port: number; queries(): number; close(): void }

function encodeName(name: string): Buffer {
  return Buffer.concat([...name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])), Buffer.from([0])]);
}

function decodeName(b: Buffer, offset: number): string {
  const labels: string[] = [];
  for (let o = offset; b[o] !== 0; o += b[o] + 1) labels.push(b.subarray(o + 1, o + 1 + b[o]).toString('latin1'));
  return labels.join('.');
}

/** Starts the server on 127.0.0.1 (an ephemeral port). */
export async function startPtrServer(answer: (qname: string) => string | null): Promise<PtrServer> {
  const server = createSocket('udp4');
  let queries = 0;
  server.on('message', (query, peer) => {
    queries++;
    let end = 12;
    while (query[end] !== 0) end += query[end] + 1;
    const question = query.subarray(12, end + 5);
    const name = answer(decodeName(query, 12));
    if (name === null) return;
    const header = Buffer.from(query.subarray(0, 12));
    header.writeUInt16BE(0x8180, 2);
    header.writeUInt16BE(1, 6);
    const rdata = encodeName(name);
    const rr = Buffer.concat([Buffer.from([0xc0, 0x0c, 0, 12, 0, 1, 0, 0, 0, 60]), Buffer.from([0, rdata.length]), rdata]);
    server.send(Buffer.concat([header, question, rr]), peer.port, peer.address);
  });
  await new Promise<void>((r) => server.bind(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, queries: () => queries, close: () => server.close() };
}
