import { connect, type Socket } from 'node:net';
import type { NamedEnricher } from '../enrichers/enricher.js';
import type { IntelIndex } from '../index/intel-index.js';
import { IntelMetrics } from '../metrics.js';
import type { IndexSet } from '../server/answer.js';
import type { ServerContext } from '../server/connection.js';
import { DEFAULT_LIMITS, type ServerLimits } from '../server/limits.js';
import { LookupLog } from '../server/lookup-log.js';
import { startIntelServer } from '../server/tcp-server.js';
import { PassThrough } from 'node:stream';

/** Test helper: a server on an ephemeral loopback port, with its log lines collected. */
export async function testServer(indexes: IntelIndex[], options: { limits?: Partial<ServerLimits>; enrichers?: NamedEnricher[] } = {}) {
  const logStream = new PassThrough();
  const logLines: string[] = [];
  logStream.on('data', (b: Buffer) => logLines.push(...b.toString('utf8').split('\n').filter(Boolean)));
  const set: IndexSet = { indexes, records: indexes.reduce((n, i) => n + i.size, 0) };
  const context: ServerContext = {
    holder: { current: set }, enrichers: options.enrichers ?? [], limits: { ...DEFAULT_LIMITS, ...options.limits },
    log: new LookupLog(logStream), metrics: new IntelMetrics(), now: () => 1_700_000_000,
  };
  const running = await startIntelServer(context);
  return { ...running, context, logLines };
}

/** Test helper: a loopback client that collects everything the server answers. */
export class TestClient {
  readonly socket: Socket;
  received = '';
  closed = false;
  private waiters: Array<() => void> = [];

  private constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('data', (b: Buffer) => { this.received += b.toString('utf8'); this.wake(); });
    this.socket.on('close', () => { this.closed = true; this.wake(); });
    this.socket.on('error', () => {});
  }

  /** Connects to the server on `port`. */
  static async open(port: number): Promise<TestClient> {
    const client = new TestClient(port);
    await new Promise<void>((resolve, reject) => { client.socket.once('connect', resolve); client.socket.once('error', reject); });
    return client;
  }

  /** Sends bytes as one write. */
  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Resolves once `count` LookupFinished lines have arrived (or the socket closed). */
  async finished(count: number): Promise<string[]> {
    while (!this.closed && (this.received.match(/^LookupFinished$/gm) ?? []).length < count) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this.received.split('\n').filter(Boolean);
  }

  /** Resolves when the server closes the connection. */
  async closedByServer(): Promise<void> {
    while (!this.closed) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
