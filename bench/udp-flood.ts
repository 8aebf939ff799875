import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { parseArgs } from 'node:util';

/**
 * Loopback UDP load for the live-capture benchmark: `tsx bench/udp-flood.ts
 * --port P --rate R --seconds S [--flows F]` sends R small datagrams per
 * second to 127.0.0.1:P from F source sockets (round robin: F flows), paced by
 * elapsed time, and prints one JSON line with what it sent.
 */
/** Payload bytes per datagram (a 60-byte frame with UDP/IP/Ethernet headers). */
const PAYLOAD_BYTES = 18;
/** Most datagrams sent before yielding to the event loop (keeps libuv's send queue short). */
const MAX_BURST = 256;

const { values } = parseArgs({ options: { port: { type: 'string' }, rate: { type: 'string' }, seconds: { type: 'string', default: '5' }, flows: { type: 'string', default: '64' } } });
const port = Number(values.port), rate = Number(values.rate), seconds = Number(values.seconds), flows = Number(values.flows);
const sockets: Socket[] = [];
for (let i = 0; i < flows; i++) {
  const s = createSocket('udp4');
  s.on('error', () => undefined); // a refused send (no receiver yet) is not the benchmark's concern
  s.bind(0, '127.0.0.1');
  await once(s, 'listening');
  s.connect(port, '127.0.0.1');
  await once(s, 'connect');
  sockets.push(s);
}
const payload = Buffer.alloc(PAYLOAD_BYTES, 0x61);
const started = performance.now();
const end = started + seconds * 1000;
let sent = 0;
for (let now = started; now < end; now = performance.now()) {
  const due = Math.min(MAX_BURST, Math.floor(((now - started) / 1000) * rate) - sent);
  for (let i = 0; i < due; i++, sent++) sockets[sent % flows].send(payload);
  await new Promise((resolve) => setImmediate(resolve));
}
const elapsed = (performance.now() - started) / 1000;
for (const s of sockets) s.close();
process.stdout.write(JSON.stringify({ sent, seconds: elapsed, rate: sent / elapsed }) + '\n');
