import type { Alert } from '../detect/alert.js';
import { evidenceText } from './evidence.js';
import type { IntelRow } from './model.js';

/** Most intel matches listed; the rest are counted. */
export const MAX_INTEL = 500;

function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** Section 8: the intel_match alerts with the feed, indicator and the feed's context fields. */
export function intelRows(alerts: readonly Alert[], max = MAX_INTEL): { total: number; rows: IntelRow[] } {
  const matches = alerts.filter((a) => a.detector === 'intel_match').sort((a, b) => a.firstSeen - b.firstSeen);
  const rows = matches.slice(0, max).map((a): IntelRow => {
    const e = a.evidence;
    const context = e.context && typeof e.context === 'object' && !Array.isArray(e.context) ? evidenceText(e.context as Record<string, unknown>) : [];
    return {
      alertId: a.id, ts: a.firstSeen, observed: text(e.observed) || text(e.indicator), kind: text(e.kind), feed: text(e.feed),
      indicator: text(e.indicator), src: a.src, dst: a.dst, country: text(e.country), seen: typeof e.seen === 'number' ? e.seen : 1, context,
    };
  });
  return { total: matches.length, rows };
}
