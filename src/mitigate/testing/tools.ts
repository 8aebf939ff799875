import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian package that brings each checking tool (what .ci/run installs). */
export const TOOL_PACKAGES: Record<string, string> = {
  nft: 'nftables', 'iptables-restore': 'iptables', 'ip6tables-restore': 'iptables', 'named-checkzone': 'bind9-utils',
  'unbound-checkconf': 'unbound', suricata: 'suricata',
};

/** Whether a tool is on the PATH (or in /usr/sbin, where Debian puts firewall tools). */
export function hasTool(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`], { env: pathEnv() }).status === 0;
}

function pathEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` };
}

/** Why a check is skipped: the tool and the Debian package that brings it. */
export function missing(tool: string): string {
  const where = tool === 'suricata' ? 'Debian bookworm has no suricata package; bookworm-backports or upstream builds do' : `Debian package ${TOOL_PACKAGES[tool] ?? tool}`;
  return `${tool} is not installed (${where}); the real-tool check is skipped`;
}

/** What a checking tool said about a text. */
export interface ToolResult { status: number | null; output: string }

/**
 * Saves `text` as `name` in a new temporary folder and runs `tool` with `args`, where the
 * word FILE stands for that file's path; stdin gets the text too (for *-restore --test).
 * @example checkWith('nft', ['-c', '-f', 'FILE'], text, 'block.nft')
 */
export function checkWith(tool: string, args: string[], text: string, name: string): ToolResult {
  const path = join(mkdtempSync(join(tmpdir(), 'tracer-mitigate-')), name);
  writeFileSync(path, text);
  const run = spawnSync(tool, args.map((a) => (a === 'FILE' ? path : a)), { input: text, env: pathEnv(), encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}
