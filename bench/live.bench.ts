import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { table } from './measure.js';

/**
 * Live-capture throughput on loopback: `tsx bench/live.bench.ts [--rates
 * 50000,100000,…] [--seconds 5] [--senders 1] [--db]`. For each rate, a UDP flood
 * (bench/udp-flood.ts in --senders processes, 64 flows each of 60-byte frames;
 * what arrived is counted by the kernel in /proc/net/snmp) runs against a socket that
 * never reads while `tracer capture -i lo` captures it (pcap written to the
 * temp folder; with --db the store too). Prints one row per rate: what was
 * sent, what tcpdump saw and dropped, what Tracer read and dropped, CPU and
 * peak memory; the ceiling is the highest rate with no drops on either side.
 * Needs root (capture) and python3 (the non-reading receiver). Senders:
 * --sender c (default; compiled with cc at start) sends batches with sendmmsg
 * and is the only one that reaches 100k+ pps on a small, busy machine;
 * --sender python is a send() loop, --sender node is bench/udp-flood.ts.
 * Detection runs as in \`tracer capture\` (every 3 s over the window).
 */
const { values } = parseArgs({ options: {
  rates: { type: 'string', default: '50000,100000,150000,200000' }, seconds: { type: 'string', default: '5' },
  senders: { type: 'string', default: '1' }, db: { type: 'boolean', default: false }, sender: { type: 'string', default: 'c' },
} });
const SECONDS = Number(values.seconds);
const SENDERS = Number(values.senders);
/** Milliseconds the capture runs past the flood, so every packet sent is read before it stops. */
const DRAIN_MS = 1000;
/** Kernel clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100;
/** UDP port of the receiver (bound, never read: the kernel drops at its socket, after the capture tap). */
const PORT = 45_999;

function tracerArgs(dir: string): string[] {
  return ['--import', 'tsx', 'src/cli/main.ts', 'capture', '-i', 'lo', '-f', `udp and dst port ${PORT}`, '-B', '65536',
    '-w', join(dir, 'flood.pcap'), ...(values.db ? ['--db', join(dir, 'flood.duckdb')] : [])];
}

/** The Python sender: `rate` datagrams/s for `seconds` over 64 connected sockets, paced every 256 sends; prints what it sent as JSON. */
const PYTHON_FLOOD = `import socket,sys,time,json
port,rate,secs=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3])
socks=[]
for i in range(64):
  s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.connect(('127.0.0.1',port)); socks.append(s)
p=b'a'*18; sent=0; t0=time.perf_counter(); end=t0+secs
while True:
  now=time.perf_counter()
  if now>=end: break
  due=min(256,int((now-t0)*rate)-sent)
  for i in range(due):
    try: socks[sent%64].send(p)
    except OSError: pass
    sent+=1
  if due<=0: time.sleep(0.0005)
el=time.perf_counter()-t0
print(json.dumps({'sent':sent,'seconds':el,'rate':sent/el}))`;

/** The C sender: as the Python one, in batches of up to 64 datagrams per sendmmsg() call, one flow (socket) per batch in turn. */
const C_FLOOD = `#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
enum { FLOWS = 64, BATCH = 64 };
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
int main(int argc, char **argv) {
  if (argc < 4) return 2;
  int port = atoi(argv[1]); double rate = atof(argv[2]), secs = atof(argv[3]);
  struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(0x7f000001) };
  int socks[FLOWS];
  for (int i = 0; i < FLOWS; i++) { socks[i] = socket(AF_INET, SOCK_DGRAM, 0); connect(socks[i], (struct sockaddr *)&to, sizeof to); }
  char payload[18]; memset(payload, 'a', sizeof payload);
  struct iovec iov = { payload, sizeof payload };
  struct mmsghdr msgs[BATCH]; memset(msgs, 0, sizeof msgs);
  for (int i = 0; i < BATCH; i++) { msgs[i].msg_hdr.msg_iov = &iov; msgs[i].msg_hdr.msg_iovlen = 1; }
  long sent = 0, batches = 0; double t0 = now(), t;
  while ((t = now()) < t0 + secs) {
    long due = (long)((t - t0) * rate) - sent;
    if (due <= 0) { usleep(100); continue; }
    if (due > BATCH) due = BATCH;
    int n = sendmmsg(socks[batches++ % FLOWS], msgs, (unsigned)due, 0);
    sent += n > 0 ? n : due;
  }
  double el = now() - t0;
  printf("{\\"sent\\":%ld,\\"seconds\\":%f,\\"rate\\":%f}\\n", sent, el, sent / el);
  return 0;
}`;

/** Compiles the C sender into `dir`; returns its path. */
function buildCFlood(dir: string): string {
  writeFileSync(join(dir, 'flood.c'), C_FLOOD);
  const cc = spawnSync('cc', ['-O2', '-o', join(dir, 'flood'), join(dir, 'flood.c')], { encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`cannot compile the C sender (use --sender python): ${cc.stderr || cc.error?.message}`);
  return join(dir, 'flood');
}

const senderDir = mkdtempSync(join(tmpdir(), 'tracer-live-bench-sender-'));
const cFlood = values.sender === 'c' ? buildCFlood(senderDir) : '';

function flood(rate: number): ChildProcess {
  const args = [String(PORT), String(rate), String(SECONDS)];
  if (values.sender === 'node') return spawn(process.execPath, ['--import', 'tsx', 'bench/udp-flood.ts', '--port', args[0], '--rate', args[1], '--seconds', args[2]]);
  return values.sender === 'python' ? spawn('python3', ['-c', PYTHON_FLOOD, ...args]) : spawn(cFlood, args);
}

function collect(child: ChildProcess): Promise<{ stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  child.stdout?.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr?.on('data', (b: Buffer) => { stderr += b.toString(); });
  return once(child, 'close').then(() => ({ stdout, stderr }));
}

/** Processes started by `pid` (tcpdump, for the Tracer process). */
function childPids(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter((p) => p !== '').map(Number);
}

/** CPU seconds used so far and peak resident memory (MB) of a running process. */
function cpuAndPeakMemory(pid: number): { cpuSeconds: number; peakMb: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name: utime and stime are fields 14 and 15 of stat, indexes 11 and 12 here.
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return { cpuSeconds, peakMb: peakKb / 1024 };
}

/** UDP datagrams the kernel received (delivered, dropped at a full socket buffer, or to no socket), from /proc/net/snmp: what really crossed loopback. */
function udpArrivals(): number {
  const [names, counts] = readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Udp:')).map((l) => l.split(/\s+/));
  return ['InDatagrams', 'InErrors', 'NoPorts'].reduce((n, name) => n + Number(counts[names.indexOf(name)]), 0);
}

function counter(text: string, pattern: RegExp): number {
  return Number(pattern.exec(text)?.[1] ?? NaN);
}

async function runRate(rate: number): Promise<(string | number)[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tracer-live-bench-'));
  const receiver = spawn('python3', ['-c', `import socket,time\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\ns.bind(('127.0.0.1',${PORT}))\ntime.sleep(${SECONDS + 60})`]);
  const tracer = spawn(process.execPath, tracerArgs(dir), { stdio: ['ignore', 'ignore', 'pipe'] });
  const tracerOut = collect(tracer);
  await new Promise<void>((resolve) => tracer.stderr?.on('data', (b: Buffer) => { if (b.toString().includes('capturing on')) resolve(); }));
  const before = udpArrivals();
  const atStart = [tracer.pid!, ...childPids(tracer.pid!)].map(cpuAndPeakMemory);
  const floods = await Promise.all(Array.from({ length: SENDERS }, () => collect(flood(rate / SENDERS))));
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  const arrived = udpArrivals() - before;
  const usage = [tracer.pid!, ...childPids(tracer.pid!)].map(cpuAndPeakMemory).map((u, i) => ({ ...u, cpuSeconds: u.cpuSeconds - (atStart[i]?.cpuSeconds ?? 0) }));
  tracer.kill('SIGINT');
  const { stderr } = await tracerOut;
  receiver.kill();
  rmSync(dir, { recursive: true, force: true });
  const captured = counter(stderr, /^(\d+) packets captured$/m);
  const read = counter(stderr, /^(\d+) packets read by Tracer/m);
  const kernelDrops = counter(stderr, /^(\d+) packets dropped by kernel$/m);
  const tracerDrops = counter(stderr, / (\d+) dropped by Tracer/);
  if (floods.some((f) => f.stdout === '')) throw new Error('a flood sender failed');
  return [rate, arrived / SECONDS, arrived, captured, kernelDrops, read, tracerDrops, read / SECONDS,
    usage[0].cpuSeconds / SECONDS, usage[0].peakMb, usage.slice(1).reduce((n, u) => n + u.cpuSeconds, 0) / SECONDS];
}

const rows: (string | number)[][] = [['target pps', 'arrived pps', 'arrived', 'captured', 'kernel drops', 'Tracer read', 'Tracer drops', 'read pps', 'Tracer CPU (cores)', 'Tracer peak RSS MB', 'tcpdump CPU (cores)']];
for (const rate of values.rates.split(',').map(Number)) rows.push(await runRate(rate));
rmSync(senderDir, { recursive: true, force: true });
process.stdout.write(table(rows) + '\n');
