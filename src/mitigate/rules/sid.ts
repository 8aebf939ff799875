import { createHash } from 'node:crypto';

/** Suricata's range for local rules, which Tracer's sids stay inside. */
export const SID_MIN = 1_000_000;
export const SID_MAX = 1_999_999;

/**
 * Deterministic sids for rule keys (e.g. `in:203.0.113.66`): each key's sid comes from
 * its SHA-256 inside 1000000–1999999; keys are placed in sorted order and a taken sid
 * moves to the next free one, so the same set of keys always gets the same sids.
 * @example assignSids(['dns:evil.example']).get('dns:evil.example') // 1xxxxxx
 */
export function assignSids(keys: Iterable<string>): Map<string, number> {
  const span = SID_MAX - SID_MIN + 1;
  const taken = new Set<number>();
  const sids = new Map<string, number>();
  for (const key of [...new Set(keys)].sort()) {
    let offset = parseInt(createHash('sha256').update(key).digest('hex').slice(0, 12), 16) % span;
    while (taken.has(SID_MIN + offset)) offset = (offset + 1) % span;
    taken.add(SID_MIN + offset);
    sids.set(key, SID_MIN + offset);
  }
  return sids;
}
