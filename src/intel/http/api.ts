import { matchIndicators } from '../index/match.js';
import type { IntelMetrics } from '../metrics.js';
import type { IndexSet } from '../server/answer.js';
import type { IntelMatch } from '../types.js';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Most values in one batch lookup. */
export const MAX_BATCH_VALUES = 10_000;
const FIELDS = ['ips', 'domains', 'urls', 'hashes'] as const;

/** What the HTTP API reads: the served indexes (swapped on reload), counters, and the clock for expiry. */
export interface ApiContext { holder: { current: IndexSet }; metrics: IntelMetrics; now: () => number }

/**
 * The intel HTTP API as a fetch-style handler (Request → Response), so tests
 * call it in memory and node:http only adapts it:
 * - `POST /api/v1/lookup` with `{ ips?, domains?, urls?, hashes? }` (arrays of
 *   strings, at most MAX_BATCH_VALUES in all) → `{ matches: IntelMatch[] }`;
 * - `GET /healthz` → `{ status: "ok", indexes, records }`;
 * - `GET /metrics` → Prometheus text.
 * @example await createIntelApi(ctx)(new Request('http://x/healthz'))
 */
export function createIntelApi(context: ApiContext): (request: Request) => Promise<Response> {
  return async (request) => {
    context.metrics.httpRequestsTotal++;
    const path = new URL(request.url).pathname;
    if (path === '/healthz') {
      if (request.method !== 'GET') return error(405, 'use GET');
      return Response.json({ status: 'ok', indexes: context.holder.current.indexes.length, records: context.holder.current.records });
    }
    if (path === '/metrics') {
      if (request.method !== 'GET') return error(405, 'use GET');
      return new Response(context.metrics.toPrometheus(), { headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' } });
    }
    if (path !== '/api/v1/lookup') return error(404, `no route ${path.slice(0, 100)}`);
    if (request.method !== 'POST') return error(405, 'use POST with a JSON body');
    const body = await readJson(request);
    if (typeof body === 'string') return error(400, body);
    let total = 0;
    for (const field of FIELDS) {
      const values = body[field];
      if (values === undefined) continue;
      if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return error(400, `"${field}" must be an array of strings`);
      total += values.length;
    }
    if (total > MAX_BATCH_VALUES) return error(413, `${total} values in one batch; at most ${MAX_BATCH_VALUES}`);
    const observed = body as { ips?: string[]; domains?: string[]; urls?: string[]; hashes?: string[] };
    const matches: IntelMatch[] = [];
    for (const index of context.holder.current.indexes) matches.push(...matchIndicators(index, observed, { at: context.now() }));
    context.metrics.eventsTotal += total;
    context.metrics.matchesTotal += matches.length;
    return Response.json({ matches });
  };
}

async function readJson(request: Request): Promise<Record<string, unknown> | string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return `body of ${declared} bytes exceeds ${MAX_BODY_BYTES}`;
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return `body exceeds ${MAX_BODY_BYTES} bytes`;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : 'body must be a JSON object';
  } catch (err) {
    return `invalid JSON body: ${(err as Error).message.split('\n')[0].slice(0, 120)}`;
  }
}

function error(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}
