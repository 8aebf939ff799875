/** Live lifetime figures: how long current connections have been open. */
export interface LifetimeSummary {
  active: number;
  p50: number;
  p90: number;
  p99: number;
  /** Longest-lived active connection, seconds, and its inode (0 when none). */
  longest: number;
  longestInode: number;
}

/**
 * Percentiles (nearest rank) of the ages of live connections at `now`; ages
 * count from first sighting, so each is a lower bound by up to one interval.
 * Connections listed oldest first (as the monitor's map holds them, in birth
 * order) need no sort.
 * @example summarizeLifetimes([{ inode: 7, firstSeen: 100 }], 160).longest // 60
 */
export function summarizeLifetimes(live: Iterable<{ inode: number; firstSeen: number }>, now: number): LifetimeSummary {
  const list: number[] = [];
  let longest = 0;
  let longestInode = 0;
  let youngestLast = true;
  for (const c of live) {
    const age = now - c.firstSeen;
    if (list.length > 0 && age > list[list.length - 1]) youngestLast = false;
    list.push(age);
    if (age > longest || longestInode === 0) { longest = age; longestInode = c.inode; }
  }
  const ages = youngestLast ? Float64Array.from(list).reverse() : Float64Array.from(list).sort();
  return { active: ages.length, p50: rank(ages, 0.5), p90: rank(ages, 0.9), p99: rank(ages, 0.99), longest, longestInode };
}

/** Nearest-rank percentile of sorted values (0 when empty). */
function rank(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
