import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from './router.js';
import { jsonError } from './router.js';

const require = createRequire(import.meta.url);

/** The dashboard page's own files (src/dashboard, copied to dist/dashboard by the build). */
const DASHBOARD_DIR = fileURLToPath(new URL('../dashboard/', import.meta.url));
/** Names a dashboard file may have: no separators, no dots but the extension's. */
const FILE_NAME = /^[a-z0-9-]+\.(js|css|html)$/;

/** The chart and graph libraries, served from node_modules (the page loads nothing from other origins). */
const VENDOR: Readonly<Record<string, string>> = {
  'echarts.min.js': join(dirname(require.resolve('echarts')), 'echarts.min.js'),
  'cytoscape.min.js': require.resolve('cytoscape/dist/cytoscape.min.js'),
};

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8',
};

/**
 * A fixed set of files by name: the set is listed once, and a request names
 * one of its keys or gets 404, so no path from a request ever reaches the
 * file system (no traversal, whatever the encoding). Contents are read on
 * first use and kept.
 */
class FileSet {
  private readonly contents = new Map<string, Buffer>();

  constructor(private readonly paths: ReadonlyMap<string, string>, private readonly cacheControl: string) {}

  respond(name: string): Response {
    const path = this.paths.get(name);
    if (path === undefined) return jsonError(404, 'no_such_file', 'no such file');
    let body = this.contents.get(name);
    if (!body) {
      body = readFileSync(path);
      this.contents.set(name, body);
    }
    return new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': this.cacheControl } });
  }
}

/** The dashboard's files by name, from its folder's listing. */
function dashboardFiles(): Map<string, string> {
  return new Map(readdirSync(DASHBOARD_DIR).filter((n) => FILE_NAME.test(n)).map((n) => [n, join(DASHBOARD_DIR, n)]));
}

/**
 * Routes for the dashboard page: `/` (the page), `/dashboard/<file>` (its
 * script and style) and `/vendor/<file>` (echarts, cytoscape).
 */
export function staticRoutes(): Route[] {
  const own = new FileSet(dashboardFiles(), 'no-cache');
  const vendor = new FileSet(new Map(Object.entries(VENDOR)), 'public, max-age=86400');
  return [
    { method: 'GET', path: '/', handle: async () => own.respond('index.html') },
    { method: 'GET', path: '/dashboard/:file', handle: async (_req, { file }) => own.respond(file) },
    { method: 'GET', path: '/vendor/:file', handle: async (_req, { file }) => vendor.respond(file) },
  ];
}
