import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';

/** What a finished program printed. */
export interface RunOutput { stdout: string; stderr: string }

/** Absolute path of `name` on PATH (or under the sbin directories), or undefined. */
export function findTool(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch { /* not in this directory */ }
  }
  return undefined;
}

/** Resolves every tool to its absolute path, or throws one line naming the missing ones and their Debian packages. */
export function requireTools(tools: Record<string, string>): Record<string, string> {
  const found: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, pkg] of Object.entries(tools)) {
    const path = findTool(name);
    if (path) found[name] = path;
    else missing.push(`${name} (Debian package ${pkg})`);
  }
  if (missing.length) throw new Error(`The multi-stage scenario needs tools that are not installed: ${missing.join(', ')}`);
  return found;
}

/** Runs a program to completion; rejects with one line naming it, how it ended and the end of its stderr. */
export function run(cmd: string, args: string[], opts: { timeoutMs?: number; cwd?: string } = {}): Promise<RunOutput> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: opts.timeoutMs ?? 20_000, cwd: opts.cwd, maxBuffer: 1 << 26, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        if (!err) return resolve({ stdout, stderr });
        const how = err.killed ? `timed out after ${opts.timeoutMs ?? 20_000} ms` : `failed (${err.code ?? err.signal})`;
        const tail = stderr.trim().split('\n').slice(-2).join(' | ');
        reject(new Error(`${[cmd, ...args].join(' ').slice(0, 200)} ${how}${tail ? `: ${tail}` : ''}`));
      });
  });
}

/** A long-running program started by `startDaemon`. */
export interface Daemon {
  child: ChildProcess;
  pid: number;
  /** Lines it printed so far (both streams, newest last, at most 200). */
  lines: string[];
  /** Sends SIGTERM, waits up to `graceMs` for it to exit (and its output to drain), then SIGKILL. */
  stop(graceMs?: number): Promise<void>;
}

/** Options for `startDaemon`. */
export interface DaemonOptions {
  /** A line on stdout or stderr that means the program is ready. */
  ready: RegExp;
  timeoutMs?: number;
  /** Called with each stderr line (without its line ending), the time it arrived and the program's pid. */
  onStderrLine?: (line: string, at: Date, pid: number) => void;
}

/** Starts a program and resolves once it prints a line matching `ready`; rejects if it exits or times out first. */
export function startDaemon(label: string, cmd: string, args: string[], opts: DaemonOptions): Promise<Daemon> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let exited = false;
  // 'close' comes after 'exit' once stdout and stderr are drained, so every line has been handled by then.
  const exitP = new Promise<void>((res) => child.once('close', () => { exited = true; res(); }));
  const daemon: Daemon = {
    child, pid: child.pid ?? -1, lines,
    async stop(graceMs = 3000) {
      if (exited) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exitP;
      clearTimeout(t);
    },
  };
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) { child.kill('SIGKILL'); reject(err); } else resolve(daemon);
    };
    const timer = setTimeout(() => finish(new Error(`${label} did not become ready within ${opts.timeoutMs ?? 10_000} ms; last output: ${lines.slice(-3).join(' | ')}`)), opts.timeoutMs ?? 10_000);
    const watch = (stream: NodeJS.ReadableStream, isErr: boolean) => {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (raw) => {
        const line = raw.replace(/\r$/, '');
        lines.push(line);
        if (lines.length > 200) lines.shift();
        if (isErr) opts.onStderrLine?.(line, new Date(), daemon.pid);
        if (opts.ready.test(line)) finish();
      });
    };
    watch(child.stdout, false);
    watch(child.stderr, true);
    child.once('error', (e) => finish(new Error(`${label} could not start: ${e.message}`)));
    child.once('exit', (code, sig) => finish(new Error(`${label} exited (${code ?? sig}) before it was ready: ${lines.slice(-3).join(' | ')}`)));
  });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
