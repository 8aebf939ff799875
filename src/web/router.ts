/** A fetch-style handler: the whole HTTP surface of Tracer is made of these, testable without a socket. */
export type Handler = (req: Request) => Promise<Response>;

/** One route: method, path pattern with `:name` segments, and its handler. */
export interface Route {
  method: string;
  path: string;
  handle(req: Request, params: Record<string, string>): Promise<Response>;
}

interface CompiledRoute { route: Route; pattern: RegExp; names: string[] }

/** A JSON response with the given status. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body, null, 2) + '\n', { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A JSON error body `{ error: { code, message } }`: code is a stable snake_case name. */
export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return json(status, { error: { code, message, ...extra } });
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path.split('/').map((part) => {
    if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(part.slice(1));
    return '([^/]+)';
  }).join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}

/** The matched `:name` segments, percent-decoded; undefined when one is malformed (`%E0%A4`). */
function decodeParams(names: readonly string[], match: RegExpExecArray): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  try {
    names.forEach((name, i) => { params[name] = decodeURIComponent(match[i + 1]); });
  } catch {
    return undefined;
  }
  return params;
}

/**
 * One handler for a set of routes (compiled once): the first route whose
 * method and path match answers; a known path with another method is 405, an
 * unknown path 404, both as JSON errors. Route groups from other features
 * (dashboard, enrichment) are added by concatenating their route lists.
 */
export function createRouter(routes: readonly Route[]): Handler {
  const compiled = routes.map(compile);
  return async (req) => {
    const { pathname } = new URL(req.url);
    let pathKnown = false;
    for (const { route, pattern, names } of compiled) {
      const match = pattern.exec(pathname);
      if (!match) continue;
      pathKnown = true;
      if (route.method !== req.method && !(req.method === 'HEAD' && route.method === 'GET')) continue;
      const params = decodeParams(names, match);
      return params ? route.handle(req, params) : jsonError(400, 'bad_path', `malformed percent-encoding in ${pathname}`);
    }
    return pathKnown ? jsonError(405, 'method_not_allowed', `${req.method} is not allowed on ${pathname}`) : jsonError(404, 'no_such_route', `no route for ${pathname}`);
  };
}
