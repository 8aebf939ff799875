import { KEY_MASK_HOST, KEY_MASK_RESIDUAL, KEY_MASK_SEGMENT, KEY_MASK_SUFFIX } from './sections.js';
import { urlHost } from './url-normalize.js';

/** Where a URL mask is filed in the index: key kind byte and key text. */
export interface MaskAnchor { kind: number; key: string }

/**
 * Chooses the literal part of a normalised URL mask that every URL it
 * matches must contain, so lookups find candidate masks by hashing pieces of
 * the URL instead of trying masks one by one:
 * - a host with no `*` → that host (`evil.com/*.php`);
 * - a host `*.suffix` → the suffix, probed for each parent of the URL's host;
 * - otherwise the longest complete path segment (`/seg/`, `/seg?` or `/seg`
 *   at the end, no `*` inside), probed for each `/`- or `?`-delimited token
 *   of the URL after its host;
 * - otherwise the residual list, checked for every URL (counted by compile).
 * So a `*` inside a mask's host stands for host labels only: `*.evil.com/x`
 * matches URLs whose host ends in `.evil.com`.
 */
export function maskAnchor(mask: string): MaskAnchor {
  const host = urlHost(mask);
  if (host && !host.includes('*')) return { kind: KEY_MASK_HOST, key: host };
  if (host.startsWith('*.') && !host.slice(2).includes('*') && host.length > 2) return { kind: KEY_MASK_SUFFIX, key: host.slice(2) };
  const path = mask.slice(host.length);
  const query = path.indexOf('?');
  let best = '';
  const segments = (query >= 0 ? path.slice(0, query) : path).split('/');
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    if (segment && !segment.includes('*') && segment.length > best.length) best = segment;
  }
  return best ? { kind: KEY_MASK_SEGMENT, key: best } : { kind: KEY_MASK_RESIDUAL, key: '' };
}
