import { spawnSync } from 'node:child_process';

/** Wall time and peak memory of one command run. */
export interface Measurement { seconds: number; peakRssMb: number; code: number; stderr: string }

/**
 * Runs a command pinned to one core (taskset) under GNU time and returns its
 * elapsed seconds and peak resident memory.
 */
export function measure(cmd: string, args: string[], opts: { cores?: string } = {}): Measurement {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', 'taskset', '-c', opts.cores ?? '0', cmd, ...args], {
    encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'],
  });
  const m = /TIME ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  if (!m) throw new Error(`could not measure ${cmd}: ${r.stderr}`);
  return { seconds: Number(m[1]), peakRssMb: Number(m[2]) / 1024, code: r.status ?? -1, stderr: r.stderr.slice(0, 2000) };
}

/** Formats a table of rows (first row = header) with aligned columns. */
export function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => r.map((c, i) => c.padStart(widths[i])).join('  ')).join('\n');
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '-';
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}

/** Runs `round` repeatedly for `seconds`; returns rounds per second. */
export function roundsPerSecond(round: () => void, seconds: number): number {
  let rounds = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    round();
    rounds++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return rounds / elapsed;
}
