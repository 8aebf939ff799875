import { connect, type Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

/** Events in flight per connection in throughput mode (KUMA pipelines similarly). */
const WINDOW_PER_CONNECTION = 256;
/** Pacing tick in rate mode, milliseconds (events due are computed from elapsed time, so late ticks do not lower the rate). */
const TICK_MS = 1;

/** What one load run measured. */
export interface LoadResult { events: number; seconds: number; eventsPerSecond: number; p50Ms: number; p99Ms: number; matchLines: number }

/**
 * Load generator for `tracer intel serve`: `connections` persistent
 * connections on loopback, each sending `X-KF-ReplyBack` then events from
 * `makeEvent`, timing each event from send to its `LookupFinished`.
 * Without `rate`, keeps WINDOW_PER_CONNECTION events in flight per connection
 * (maximum throughput); with `rate`, sends that many events per second in all.
 */
export async function runLoad(options: { port: number; connections: number; seconds: number; rate?: number; makeEvent: (i: number) => string }): Promise<LoadResult> {
  const latencies: number[] = [];
  let matchLines = 0;
  let sent = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const started = performance.now();
  const clients = await Promise.all(Array.from({ length: options.connections }, () => openClient(options.port)));
  let stopSending = false;
  const sendOne = (c: Client) => {
    c.sentAt.push(performance.now());
    c.socket.write(options.makeEvent(sent++) + '\n');
  };
  for (const c of clients) {
    c.onFinished = (at, matches) => {
      latencies.push(at - c.sentAt[c.answered++]);
      matchLines += matches;
      if (options.rate === undefined && !stopSending && performance.now() < deadline) sendOne(c);
    };
  }
  if (options.rate === undefined) {
    for (const c of clients) for (let i = 0; i < WINDOW_PER_CONNECTION; i++) sendOne(c);
  } else {
    let due = 0;
    let next = 0;
    let last = performance.now();
    while (performance.now() < deadline) {
      const now = performance.now();
      due += options.rate * (now - last) / 1000;
      last = now;
      for (; due >= 1; due--) sendOne(clients[next++ % clients.length]);
      await new Promise((r) => setTimeout(r, TICK_MS));
    }
  }
  await new Promise((r) => setTimeout(r, Math.max(0, deadline - performance.now())));
  stopSending = true;
  while (clients.some((c) => c.answered < c.sentAt.length)) await new Promise((r) => setTimeout(r, 5));
  const seconds = (performance.now() - started) / 1000;
  for (const c of clients) c.socket.destroy();
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { events: latencies.length, seconds, eventsPerSecond: latencies.length / seconds, p50Ms: pick(0.5), p99Ms: pick(0.99), matchLines };
}

interface Client { socket: Socket; sentAt: number[]; answered: number; onFinished: (at: number, matches: number) => void }

async function openClient(port: number): Promise<Client> {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  const client: Client = { socket, sentAt: [], answered: 0, onFinished: () => {} };
  let rest = '';
  let matches = 0;
  socket.on('data', (chunk: Buffer) => {
    const at = performance.now();
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      if (line === 'LookupFinished') { client.onFinished(at, matches); matches = 0; } else matches++;
    }
  });
  socket.write('X-KF-ReplyBack');
  return client;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '16666' }, connections: { type: 'string', default: '8' }, seconds: { type: 'string', default: '10' }, rate: { type: 'string' } } });
  const result = await runLoad({
    port: Number(values.port), connections: Number(values.connections), seconds: Number(values.seconds),
    rate: values.rate === undefined ? undefined : Number(values.rate),
    makeEvent: (i) => `ip=198.51.${(i >> 8) & 255}.${i & 255}|url=http://host${i % 5000}.example/a/b.php?x=${i}|Code=${i}`,
  });
  console.log(JSON.stringify(result));
}
