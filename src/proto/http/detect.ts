import { latin1 } from '../bytes.js';

/** Request methods recognised by content detection (RFC 9110 plus WebDAV's common ones). */
const METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'PATCH', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'SEARCH', 'REPORT'];
/** Bytes needed to decide: the longest method plus its space. */
export const DETECT_BYTES = 10;
const RESPONSE_PREFIX = 'HTTP/1.';

/** Says whether `first` bytes of a direction look like HTTP/1.x. */
export function detectHttp(isOrig: boolean, first: Uint8Array): 'yes' | 'no' | 'more' {
  const text = latin1(first, 0, Math.min(first.length, DETECT_BYTES));
  if (!isOrig) return prefixVerdict(text, RESPONSE_PREFIX);
  let verdict: 'yes' | 'no' | 'more' = 'no';
  for (const method of METHODS) {
    const v = prefixVerdict(text, method + ' ');
    if (v === 'yes') return 'yes';
    if (v === 'more') verdict = 'more';
  }
  return verdict;
}

function prefixVerdict(text: string, prefix: string): 'yes' | 'no' | 'more' {
  if (text.length >= prefix.length) return text.startsWith(prefix) ? 'yes' : 'no';
  return prefix.startsWith(text) ? 'more' : 'no';
}
