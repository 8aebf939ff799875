/** Most evidence fields an anomaly row carries, and the longest text of one. */
const MAX_FIELDS = 12;
const MAX_TEXT = 200;
const MAX_LIST = 10;

function scalarText(v: unknown): string | null {
  if (typeof v === 'string') return v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) + '…' : v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : String(Math.round(v * 1000) / 1000);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return null;
}

/**
 * An alert's evidence as short text pairs for display: scalars and lists of
 * scalars (lists cut to ten items), nested objects and the uid lists left out.
 */
export function evidenceText(evidence: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (out.length >= MAX_FIELDS) break;
    if (key === 'uids' || key.endsWith('_uids')) continue;
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_LIST).map(scalarText);
      if (items.some((i) => i === null)) continue;
      out.push([key, items.join(', ') + (value.length > MAX_LIST ? ` … (${value.length})` : '')]);
    } else {
      const text = scalarText(value);
      if (text !== null) out.push([key, text]);
    }
  }
  return out;
}

/** Destination ports an alert's evidence names (`port`, `ports` or `open_ports` lists). */
export function evidencePorts(evidence: Record<string, unknown>): number[] {
  const ports = new Set<number>();
  const add = (v: unknown) => { if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 65535) ports.add(v); };
  add(evidence.port);
  for (const key of ['ports', 'open_ports']) if (Array.isArray(evidence[key])) for (const p of evidence[key] as unknown[]) add(p);
  return [...ports].slice(0, MAX_LIST);
}

/** How many connections, probes or records the evidence counts, or null. */
export function evidenceCount(evidence: Record<string, unknown>): number | null {
  for (const key of ['connections', 'probes', 'guesses', 'queries', 'requests', 'seen', 'events']) {
    if (typeof evidence[key] === 'number') return evidence[key] as number;
  }
  return null;
}
