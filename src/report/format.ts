/** Shared text formats for the report's HTML and Markdown. */

/** UTC date and time to the second: `formatTime(0)` → `1970-01-01 00:00:00`. */
export function formatTime(ts: number): string {
  if (!Number.isFinite(ts)) return '-';
  return new Date(Math.floor(ts) * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

/** A count with thousands separators: `formatCount(1994)` → `1,994`. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A byte count with a decimal unit: `formatBytes(4_007_608)` → `4.0 MB`. */
export function formatBytes(n: number): string {
  if (n >= 1e12) return `${(n / 1e12).toFixed(1)} TB`;
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}

/** A duration in the largest sensible unit: `formatDuration(3660)` → `1 h 1 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  if (s < 86400) return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
  return `${Math.floor(s / 86400)} d${Math.floor((s % 86400) / 3600) ? ` ${Math.floor((s % 86400) / 3600)} h` : ''}`;
}

/** A formatted table cell of the given kind. */
export function formatCell(value: string | number, kind: 'text' | 'count' | 'bytes'): string {
  if (kind === 'text') return String(value);
  return kind === 'bytes' ? formatBytes(Number(value)) : formatCount(Number(value));
}
