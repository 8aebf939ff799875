import type { DashboardFeed, DashboardUpdate } from './dashboard-model.js';
import { jsonError, type Route } from './router.js';

/** Pages following the dashboard at once; more get 503 (each holds a subscription). */
export const MAX_EVENT_CLIENTS = 32;
/** Milliseconds of silence after which a comment line keeps proxies and the browser from timing out. */
export const HEARTBEAT_MS = 15_000;

const encoder = new TextEncoder();

/** One server-sent event; the data is JSON, so it holds no raw newline. */
function frame(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * The server-sent event stream of a dashboard: `snapshot` first, then
 * `stats`, `alert` and `incidents` as they happen, `end` when the capture
 * ends; a finished analysis sends its snapshot and then only heartbeats.
 * Pulled: a page that reads slowly leaves updates waiting in its bounded
 * subscription (the oldest are dropped and counted), never in this process.
 */
function eventStream(feed: DashboardFeed, onClose: () => void): ReadableStream<Uint8Array> {
  const updates = feed.updates?.();
  let pending: Promise<IteratorResult<DashboardUpdate>> | null = null;
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    void updates?.return?.();
    onClose();
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(frame('snapshot', await feed.snapshot()));
      } catch (err) {
        close();
        controller.error(err);
      }
    },
    async pull(controller) {
      pending ??= updates ? updates.next() : new Promise<never>(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const quiet = new Promise<'quiet'>((resolve) => { timer = setTimeout(() => resolve('quiet'), HEARTBEAT_MS); });
      const r = await Promise.race([pending, quiet]);
      clearTimeout(timer);
      if (r === 'quiet') {
        controller.enqueue(encoder.encode(': keep-alive\n\n'));
        return;
      }
      pending = null;
      if (r.done) {
        controller.enqueue(frame('end', {}));
        controller.close();
        close();
      } else controller.enqueue(frame(r.value.event, r.value.data));
    },
    cancel() {
      close();
    },
  }, { highWaterMark: 1 });
}

/** The dashboard's data routes: `/api/dashboard` (the snapshot as JSON) and `/api/dashboard/events` (SSE). */
export function dashboardDataRoutes(feed: DashboardFeed): Route[] {
  let clients = 0;
  return [
    { method: 'GET', path: '/api/dashboard', handle: async () => new Response(JSON.stringify(await feed.snapshot()), { headers: { 'content-type': 'application/json' } }) },
    {
      method: 'GET', path: '/api/dashboard/events', handle: async () => {
        if (clients >= MAX_EVENT_CLIENTS) return jsonError(503, 'too_many_clients', `at most ${MAX_EVENT_CLIENTS} pages can follow the dashboard at once`);
        clients++;
        return new Response(eventStream(feed, () => { clients--; }), {
          headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' },
        });
      },
    },
  ];
}
