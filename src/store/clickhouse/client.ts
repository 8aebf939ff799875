import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import type { ClickHouseTarget } from './url.js';

/** Error codes (ClickHouse's `Code: N`) worth retrying: overload, timeouts, network trouble. */
const RETRIABLE_CODES = new Set([159, 160, 164, 202, 209, 210, 241, 252, 425]);

/** A failed ClickHouse request: the server's message (first line) and whether a retry may help. */
export class ClickHouseError extends Error {
  override name = 'ClickHouseError';
  constructor(message: string, readonly code: number | null, readonly retriable: boolean) {
    super(message);
  }
}

/** How requests are retried: attempts in all, and the first back-off (doubled each time, with jitter). */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

/** The default: 6 attempts, 100 ms → 3.2 s back-off. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 100 };

/** A response: status and the body as a Node stream. */
export interface ClickHouseResponse {
  status: number;
  body: Readable;
}

/**
 * Sends one POST (node:http; Node 20's fetch streams large bodies far too slowly) and resolves
 * with the response once its headers arrive. Tests wrap it to inject failures.
 */
export type Transport = (url: string, body: string | Buffer, headers: Record<string, string>) => Promise<ClickHouseResponse>;

/** The default transport: one request, one connection (`agent: false`). */
export const httpTransport: Transport = (url, body, headers) => new Promise((resolve, reject) => {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  // One connection per request: a pooled keep-alive socket the server has already closed
  // would fail a request that never reached it, and such a failure cannot be told apart
  // from one that did. Requests are few and large (batches), so the handshake costs little.
  const req = send(url, { method: 'POST', headers, agent: false }, (res) => resolve({ status: res.statusCode ?? 0, body: res }));
  req.on('error', reject);
  req.end(body);
});

async function readAll(body: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** Sleeps for attempt `n`'s back-off: base × 2^n, ±25 % jitter. */
export function backoff(policy: RetryPolicy, n: number): Promise<void> {
  const ms = policy.baseDelayMs * 2 ** n * (0.75 + Math.random() * 0.5);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseFailure(status: number, text: string): ClickHouseError {
  const m = /Code: (\d+)[.,]\s*(?:e\.displayText\(\) = )?(?:DB::Exception: )?([^\n]*)/.exec(text);
  const code = m ? Number(m[1]) : null;
  const message = (m ? m[2].replace(/, e\.what\(\) = .*$/, '') : text.split('\n')[0]).slice(0, 500) || `HTTP ${status}`;
  const retriable = code !== null ? RETRIABLE_CODES.has(code) : status >= 502;
  return new ClickHouseError(message, code, retriable);
}

/**
 * A small client for ClickHouse's HTTP interface. `request` sends one statement (data, if any,
 * follows it in the body) and returns the response; failures are ClickHouseErrors, network
 * failures retriable ones. Retrying is the caller's choice (an INSERT is not idempotent).
 */
export class ClickHouseClient {
  private readonly headers: Record<string, string>;

  constructor(readonly target: ClickHouseTarget, private readonly transport: Transport = httpTransport) {
    this.headers = {};
    if (target.user) this.headers['X-ClickHouse-User'] = target.user;
    if (target.password) this.headers['X-ClickHouse-Key'] = target.password;
  }

  /** Sends `sql` (with `data` as the body, for INSERT … FORMAT) and returns the successful response. */
  async request(sql: string, data?: Buffer, settings: Record<string, string | number> = {}): Promise<ClickHouseResponse> {
    const params = new URLSearchParams({ output_format_json_quote_64bit_integers: '0', ...stringify(settings) });
    // With data, the statement goes in the URL and the data alone is the body.
    if (data !== undefined) params.set('query', sql);
    let res: ClickHouseResponse;
    try {
      res = await this.transport(`${this.target.endpoint}?${params}`, data ?? sql, this.headers);
    } catch (err) {
      throw new ClickHouseError(`cannot reach ClickHouse at ${this.target.endpoint}: ${err instanceof Error ? err.message : String(err)}`, null, true);
    }
    if (res.status !== 200) throw parseFailure(res.status, await readAll(res.body));
    return res;
  }

  /** Runs a statement and returns the response text. */
  async text(sql: string, data?: Buffer, settings?: Record<string, string | number>): Promise<string> {
    return readAll((await this.request(sql, data, settings)).body);
  }

  /** Runs a read-only query with retries (safe: a query changes nothing). */
  async retrying<T>(op: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
    for (let n = 0; ; n++) {
      try {
        return await op();
      } catch (err) {
        if (!(err instanceof ClickHouseError) || !err.retriable || n + 1 >= policy.attempts) throw err;
        await backoff(policy, n);
      }
    }
  }

  /** Yields the lines of a query's response as they arrive (JSONEachRow, TSV). */
  async *lines(sql: string, settings?: Record<string, string | number>): AsyncIterable<string> {
    const res = await this.retrying(() => this.request(sql, undefined, settings));
    const decoder = new TextDecoder();
    let rest = '';
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      rest += decoder.decode(chunk, { stream: true });
      let nl: number;
      let from = 0;
      while ((nl = rest.indexOf('\n', from)) >= 0) {
        yield rest.slice(from, nl);
        from = nl + 1;
      }
      rest = rest.slice(from);
    }
    rest += decoder.decode();
    if (rest !== '') {
      // An error after the first bytes arrives as text at the end of the stream.
      if (/^Code: \d+/.test(rest)) throw parseFailure(500, rest);
      yield rest;
    }
  }
}

function stringify(settings: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)]));
}
