import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One process of a fake /proc tree. */
export interface FakeProcess {
  pid: number;
  comm: string;
  ppid: number;
  startTicks: number;
}

/**
 * Writes `/PID/stat` files for `processes` under `root`, shaped as Linux
 * prints them, so lineage code can be tested on trees real hosts rarely show
 * (reused pids, hostile names).
 */
export function writeFakeProc(root: string, processes: readonly FakeProcess[]): void {
  for (const p of processes) {
    mkdirSync(join(root, String(p.pid)), { recursive: true });
    writeFileSync(join(root, String(p.pid), 'stat'), `${p.pid} (${p.comm}) S ${p.ppid} ${p.pid} ${p.pid} 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 ${p.startTicks} 0 0\n`);
  }
}
