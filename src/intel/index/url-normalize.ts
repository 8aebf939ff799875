/** Default ports dropped from URLs, by scheme (no scheme: both are dropped). */
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };
/** Longest URL we normalise; longer input is cut here (a lookup key, not a copy of the traffic). */
export const MAX_URL_LENGTH = 8192;

/**
 * Normalises a URL the way Kaspersky Threat Data Feeds expect before matching:
 * drops the scheme, user info, fragment, a leading `www.` and the default port,
 * lower-cases the host, decodes percent-encoding once (to UTF-8; invalid
 * sequences stay as they are) and drops trailing `/`s at the very end (not inside a query).
 * `*` mask characters pass through untouched, so masks normalise the same way.
 * @example normalizeUrl('https://www.Example.com:443/?q=hello%20world#x') === 'example.com/?q=hello world'
 */
export function normalizeUrl(input: string): string {
  let url = input.length > MAX_URL_LENGTH ? input.slice(0, MAX_URL_LENGTH) : input;
  url = url.trim();
  const hash = url.indexOf('#');
  if (hash >= 0) url = url.slice(0, hash);
  let scheme = '';
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url);
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    url = url.slice(schemeMatch[0].length);
  }
  let hostEnd = url.length;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 63) { hostEnd = i; break; }
  }
  let host = url.slice(0, hostEnd);
  let rest = url.slice(hostEnd);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  host = stripDefaultPort(host.toLowerCase(), scheme);
  if (host.startsWith('www.')) host = host.slice(4);
  if (host.endsWith('.')) host = host.slice(0, -1);
  rest = decodePercentOnce(rest);
  if (!rest.includes('?')) rest = rest.replace(/\/+$/, '');
  return host + rest;
}

function stripDefaultPort(host: string, scheme: string): string {
  const colon = host.lastIndexOf(':');
  if (colon < 0 || host.endsWith(']')) return host;
  const port = host.slice(colon + 1);
  const isDefault = scheme ? DEFAULT_PORTS[scheme] === port : port === '80' || port === '443';
  return isDefault || port === '' ? host.slice(0, colon) : host;
}

/** Decodes `%XX` sequences once; runs that are not valid UTF-8 stay encoded. */
export function decodePercentOnce(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** The host part of a normalised URL (everything before the first `/` or `?`). */
export function urlHost(normalized: string): string {
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    if (c === 47 || c === 63) return normalized.slice(0, i);
  }
  return normalized;
}
