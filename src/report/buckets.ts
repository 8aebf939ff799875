/** Bucket widths (seconds) the traffic charts may use, finest first. */
const WIDTHS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 2592000];

/** Most buckets a traffic chart shows, whatever the span (keeps the report small). */
export const MAX_BUCKETS = 240;

/**
 * The finest round bucket width that covers `spanSeconds` in at most `max`
 * buckets: `bucketWidth(3600)` → 15 (240 buckets of 15 s).
 */
export function bucketWidth(spanSeconds: number, max = MAX_BUCKETS): number {
  for (const w of WIDTHS) if (spanSeconds / w <= max) return w;
  return Math.ceil(spanSeconds / max / 86400) * 86400;
}

/** Rounds a time down to a multiple of the bucket width (UTC-aligned bucket starts). */
export function bucketStart(ts: number, width: number): number {
  return Math.floor(ts / width) * width;
}
