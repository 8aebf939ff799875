import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../test/helpers/corpus.js';
import { runCli, type CliResult } from '../../test/helpers/cli.js';
import { tshark } from '../../test/helpers/tshark.js';
import { openStore } from '../store/duckdb.js';
import { CSV_METADATA_HEADER } from './csv-metadata.js';
import { tsharkMetadataRows } from './testing/tshark-metadata.js';

/** Client connections to the local echo server, and closed ports the connect sweep probes. */
const CLIENTS = 5;
const SWEEP_PORTS = 20;
const CAPTURE_SECONDS = 3;
/** Rotation size small enough that the test traffic spans several files. */
const ROTATE_BYTES = 4000;

const canDropPrivileges = process.getuid?.() === 0;
/** Capturing on loopback needs root or capture capabilities: `tcpdump -d` opens the device and fails without them. */
const canCapture = spawnSync('tcpdump', ['-i', 'lo', '-d'], { stdio: 'ignore' }).status === 0;

/** Starts `tracer capture …` and resolves `listening` when it says it is capturing. */
function startCapture(args: string[], wrapper: string[] = []): { listening: Promise<void>; done: Promise<CliResult> } {
  const [program, ...rest] = [...wrapper, process.execPath, '--import', 'tsx', join(projectRoot, 'src', 'cli', 'main.ts'), 'capture', ...args];
  const child = spawn(program, rest, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  let ready: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => { ready = resolve; });
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); if (stderr.includes('capturing on')) ready(); });
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => { ready(); resolve({ code: code ?? -1, stdout, stderr }); }));
  return { listening, done };
}

/** One client: connect, send a line, read the echo, close. */
async function echoOnce(port: number, text: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.end(text);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

/** A TCP connect sweep: one connection attempt to each port (refused ones are expected). */
async function sweep(ports: number[]): Promise<void> {
  await Promise.all(ports.map((port) => new Promise<void>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => { socket.destroy(); resolve(); });
    socket.on('error', () => resolve());
  })));
}

/** Ports nothing listens on: bound, then released. */
async function closedPorts(n: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: n }, async () => {
    const s = createServer().listen(0, '127.0.0.1');
    await once(s, 'listening');
    return s;
  }));
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function frames(file: string, filter = ''): number {
  return tshark(['-r', file, ...(filter ? ['-Y', filter] : []), '-T', 'fields', '-e', 'frame.number']).split('\n').filter((l) => l !== '').length;
}

describe.runIf(canCapture)('tracer capture on loopback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracer-live-'));
  let server: Server;
  let serverPort = 0;
  let sweepPorts: number[] = [];
  let main: CliResult, rotated: CliResult;

  beforeAll(async () => {
    server = createServer((s) => s.pipe(s)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    serverPort = (server.address() as AddressInfo).port;
    sweepPorts = await closedPorts(SWEEP_PORTS);
    const filter = `tcp and host 127.0.0.1 and (port ${serverPort} or portrange ${Math.min(...sweepPorts)}-${Math.max(...sweepPorts)})`;
    const a = startCapture(['-i', 'lo', '-f', filter, '--duration', String(CAPTURE_SECONDS), '-w', join(dir, 'x.pcap'), '--csv', join(dir, 'x.csv'), '--db', join(dir, 'x.duckdb'), '--ndjson']);
    const b = startCapture(['-i', 'lo', '-f', filter, '--duration', String(CAPTURE_SECONDS), '-w', join(dir, 'r.pcap'), '--rotate', `${ROTATE_BYTES}B`]);
    await Promise.all([a.listening, b.listening]);
    for (let i = 0; i < CLIENTS; i++) expect(await echoOnce(serverPort, `hello ${i}\n`)).toBe(`hello ${i}\n`);
    await sweep(sweepPorts);
    [main, rotated] = await Promise.all([a.done, b.done]);
  }, 30_000);

  afterAll(() => { server.close(); });

  it('ends cleanly with tcpdump-style counters', () => {
    expect(main.code, main.stderr).toBe(0);
    expect(main.stderr).toMatch(/^\d+ packets captured$/m);
    expect(main.stderr).toMatch(/^\d+ packets received by filter$/m);
    expect(main.stderr).toMatch(/^0 packets dropped by kernel$/m);
    expect(main.stderr).toMatch(/ 0 dropped by Tracer/);
  });

  it('writes a pcap tshark reads, with every packet tcpdump captured', () => {
    const pcap = join(dir, 'x.pcap');
    const captured = Number(/^(\d+) packets captured$/m.exec(main.stderr)?.[1]);
    expect(frames(pcap)).toBe(captured);
    // Per echo connection at least SYN, SYN-ACK, ACK, data, echo, FIN, FIN: 7 frames.
    expect(frames(pcap, `tcp.port == ${serverPort}`)).toBeGreaterThanOrEqual(CLIENTS * 7);
    expect(frames(pcap, 'tcp.flags.syn == 1 && tcp.flags.ack == 0 && tcp.flags.reset == 0 && tcp.dstport != ' + serverPort)).toBe(SWEEP_PORTS);
    expect(frames(pcap, 'tcp.flags.reset == 1')).toBeGreaterThanOrEqual(SWEEP_PORTS);
  });

  it('writes one CSV row per packet, as tshark describes it', () => {
    const lines = readFileSync(join(dir, 'x.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_METADATA_HEADER);
    expect(lines.slice(1)).toEqual(tsharkMetadataRows(join(dir, 'x.pcap')));
  });

  it('stores the connections: echo sessions complete, sweep probes rejected', async () => {
    const store = await openStore(join(dir, 'x.duckdb'));
    try {
      const echo = await store.all('SELECT conn_state, count(*) AS n FROM conn WHERE id_resp_p = ? GROUP BY 1', [serverPort]);
      expect(echo).toEqual([{ conn_state: 'SF', n: CLIENTS }]);
      const probes = await store.all('SELECT conn_state, count(DISTINCT id_resp_p) AS n FROM conn WHERE id_resp_p <> ? GROUP BY 1', [serverPort]);
      expect(probes).toEqual([{ conn_state: 'REJ', n: SWEEP_PORTS }]);
      const [ingest] = await store.all('SELECT input, packets FROM ingests');
      expect(ingest).toEqual({ input: 'live:lo', packets: frames(join(dir, 'x.pcap')) });
    } finally {
      await store.close();
    }
  });

  it('prints stats ticks and every stored connection as NDJSON', () => {
    const events = main.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; totalPackets?: number });
    const conns = events.filter((e) => e.type === 'conn');
    expect(conns).toHaveLength(CLIENTS + SWEEP_PORTS);
    const ticks = events.filter((e) => e.type === 'stats');
    expect(ticks.length).toBeGreaterThanOrEqual(CAPTURE_SECONDS);
    expect(ticks.at(-1)?.totalPackets).toBe(frames(join(dir, 'x.pcap')));
  });

  it('rotates by size into numbered files that together hold the capture', () => {
    expect(rotated.code, rotated.stderr).toBe(0);
    const files = readdirSync(dir).filter((f) => f.startsWith('r-')).sort();
    expect(files.length).toBeGreaterThan(1);
    expect(files).toEqual(files.map((_, i) => `r-${String(i + 1).padStart(5, '0')}.pcap`));
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(ROTATE_BYTES);
    const captured = Number(/^(\d+) packets captured$/m.exec(rotated.stderr)?.[1]);
    expect(files.reduce((n, f) => n + frames(join(dir, f)), 0)).toBe(captured);
  });
});

describe.runIf(canCapture)('tracer capture --protocol and --count', () => {
  it('keeps only the listed protocol and stops after the count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracer-live-'));
    const [port] = await closedPorts(1);
    // Datagrams to a closed port draw ICMP port-unreachable replies: the BPF passes both, --protocol keeps the UDP.
    const run = startCapture(['-i', 'lo', '-f', `host 127.0.0.1 and (udp port ${port} or icmp)`, '--protocol', 'udp', '--count', '5', '--duration', '20',
      '-w', join(dir, 'u.pcap'), '--csv', join(dir, 'u.csv')]);
    await run.listening;
    const socket = createSocket('udp4');
    socket.on('error', () => undefined);
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      socket.send(`probe ${i}`, port, '127.0.0.1');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const r = await run.done;
    socket.close();
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(frames(join(dir, 'u.pcap'))).toBe(5);
    expect(frames(join(dir, 'u.pcap'), 'udp')).toBe(5);
    const rows = readFileSync(join(dir, 'u.csv'), 'utf8').trimEnd().split('\n').slice(1);
    expect(rows.map((row) => row.split(',')[5])).toEqual(['udp', 'udp', 'udp', 'udp', 'udp']);
    expect(r.stderr).toMatch(/ 5 kept,/);
  }, 30_000);
});

describe('tracer capture errors', () => {
  it('names a missing interface in one line', async () => {
    const r = await runCli(['capture', '-i', 'nosuch0', '--duration', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('tracer: capture on nosuch0: no such interface (list them with: tcpdump -D)\n');
  });

  it.runIf(canDropPrivileges)('says capture rights are missing in one line (run as nobody)', async () => {
    const r = await startCapture(['-i', 'lo', '--duration', '1'], ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups']).done;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('tracer: capture on lo: permission denied: capturing needs root or the CAP_NET_RAW and CAP_NET_ADMIN capabilities on tcpdump\n');
  });
});
