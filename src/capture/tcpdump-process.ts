import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { InputError } from '../cli/command.js';
import { escapeTerminal } from '../util/escape.js';
import { parseTcpdumpStats, type TcpdumpStats } from './drop-stats.js';

/** What to ask tcpdump for. */
export interface TcpdumpOptions {
  /** Interface name, as `tcpdump -D` lists them. */
  iface: string;
  /** BPF expression, compiled by libpcap in the kernel ('' for everything). */
  filter?: string;
  /** Bytes kept per packet (tcpdump -s); default tcpdump's 262144. */
  snaplen?: number;
  /** Kernel capture buffer in KiB (tcpdump -B); default libpcap's 2 MiB. */
  bufferKiB?: number;
  /** The tcpdump program; default `tcpdump` from PATH. */
  program?: string;
}

/** Most stderr text kept (tcpdump prints a few lines; this bounds a misbehaving child). */
const MAX_STDERR_CHARS = 64 * 1024;

/** Command-line arguments for a tcpdump that streams pcap to stdout, one packet at a time (-U). */
export function tcpdumpArgs(opts: TcpdumpOptions): string[] {
  const args = ['-U', '-n', '-w', '-', '-i', opts.iface];
  if (opts.snaplen !== undefined) args.push('-s', String(opts.snaplen));
  if (opts.bufferKiB !== undefined) args.push('-B', String(opts.bufferKiB));
  if (opts.filter) args.push(opts.filter);
  return args;
}

/**
 * A running tcpdump: `stdout` is its pcap stream; `stop()` asks it to end
 * (SIGINT, as Ctrl-C: it flushes and prints its counters); `exited` resolves
 * with its counters, or rejects with a one-line InputError saying why the
 * capture could not run (no such interface, no rights, bad filter, no tcpdump).
 */
export class TcpdumpProcess {
  /** The pcap byte stream. */
  readonly stdout: Readable;
  /** Settles when tcpdump has exited. */
  readonly exited: Promise<TcpdumpStats | null>;
  /** Resolves when tcpdump says it is listening (the capture has started); never settles if it fails first. */
  readonly listening: Promise<void>;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private stderr = '';

  constructor(private readonly opts: TcpdumpOptions) {
    this.child = spawn(opts.program ?? 'tcpdump', tcpdumpArgs(opts), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.stdout = this.child.stdout;
    this.child.stderr.setEncoding('utf8');
    let started: () => void = () => undefined;
    this.listening = new Promise((resolve) => { started = resolve; });
    this.child.stderr.on('data', (text: string) => {
      if (this.stderr.length < MAX_STDERR_CHARS) this.stderr += text.slice(0, MAX_STDERR_CHARS - this.stderr.length);
      if (this.stderr.includes('listening on ')) started();
    });
    this.exited = new Promise((resolve, reject) => {
      this.child.on('error', (err: NodeJS.ErrnoException) => {
        const program = opts.program ?? 'tcpdump';
        reject(new InputError(err.code === 'ENOENT'
          ? `capture on ${opts.iface}: ${program} is not installed (Debian: apt-get install tcpdump)`
          : `capture on ${opts.iface}: cannot run ${program}: ${err.message}`));
      });
      this.child.on('close', (code, signal) => {
        const stats = parseTcpdumpStats(this.stderr);
        if (code === 0 || stats !== null) resolve(stats);
        else reject(new InputError(describeFailure(opts, this.stderr, code, signal)));
      });
    });
    // Failures are reported through `exited`; this keeps an early one from being "unhandled".
    this.exited.catch(() => undefined);
  }

  /** Asks tcpdump to stop as Ctrl-C would; harmless once it has exited. */
  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGINT');
  }
}

/** One line saying why tcpdump failed, from what it printed. */
function describeFailure(opts: TcpdumpOptions, stderr: string, code: number | null, signal: NodeJS.Signals | null): string {
  const where = `capture on ${opts.iface}`;
  if (/No such device|doesn't exist|no such interface/i.test(stderr)) return `${where}: no such interface (list them with: tcpdump -D)`;
  if (/permission|not permitted/i.test(stderr)) {
    return `${where}: permission denied: capturing needs root or the CAP_NET_RAW and CAP_NET_ADMIN capabilities on tcpdump`;
  }
  if (/syntax error|can't parse filter|illegal|unknown (port|host|network|protocol)/i.test(stderr)) return `${where}: bad capture filter ${JSON.stringify(opts.filter ?? '')}: ${firstMessage(stderr)}`;
  const message = firstMessage(stderr);
  return `${where}: tcpdump failed (${signal ?? `exit code ${code}`})${message ? `: ${message}` : ''}`;
}

/** tcpdump's first error line without its "tcpdump: " prefix, safe to print. */
function firstMessage(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.startsWith('tcpdump: ') && !l.includes('listening on')) ?? '';
  return escapeTerminal(line.replace(/^tcpdump: /, '').trim());
}
