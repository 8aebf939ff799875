import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { loadFeed, parseFeedSpec } from '../src/intel/feeds/load-feed.js';
import { compileTix, loadTix } from '../src/intel/index/load-index.js';
import { lookupInto } from '../src/intel/index/match.js';
import { runLoad } from './intel-load.js';
import { table } from './measure.js';

/**
 * Threat-intel benchmark (`npx tsx bench/intel.bench.ts`): generates a feed of
 * 1 M mixed synthetic indicators (IPv4, /24 CIDRs, domains, URL masks, SHA-256
 * hashes — clearly fake, for timing only), then measures compile time, .tix
 * load time, in-process lookups/s, and `tracer intel serve` pinned to core 0
 * (this load generator moves to core 1) over 8 persistent loopback connections: maximum events/s, latency at
 * 1,000 events/s, and server RSS.
 */
const INDICATORS = 1_000_000;
const dataDir = join('bench', 'data');
mkdirSync(dataDir, { recursive: true });
const feedPath = join(dataDir, 'intel-1m.txt');
const tixPath = join(dataDir, 'intel-1m.tix');

let seed = 7;
function random(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed;
}
const ipv4 = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const hex = () => random().toString(16).padStart(8, '0');

async function writeFeed(): Promise<void> {
  const out = createWriteStream(feedPath);
  for (let i = 0; i < INDICATORS; i++) {
    const kind = i % 10;
    let line: string;
    if (kind < 3) line = ipv4(random());
    else if (kind === 3) line = `${ipv4(random() & 0xffffff00)}/24`;
    else if (kind < 6) line = `h${random().toString(36)}.bench${i % 97}.test`;
    else if (kind < 8) line = `*.m${random().toString(36)}.test/*/gate.php`;
    else line = hex() + hex() + hex() + hex() + hex() + hex() + hex() + hex();
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

await writeFeed();
let t = performance.now();
const stats = compileTix([loadFeed(parseFeedSpec(feedPath + ',name=bench,parents'))], tixPath);
const compileSeconds = seconds(t);
t = performance.now();
const index = loadTix(tixPath);
const loadSeconds = seconds(t);
const probes = readFileSync(feedPath, 'utf8').split('\n', 200_000).filter(Boolean);
t = performance.now();
let matched = 0;
const LOOKUPS = 1_000_000;
for (let i = 0; i < LOOKUPS; i++) {
  const k = i % 4;
  if (k === 0) matched += lookupInto(index, 'ip', ipv4(random()), 0).count;
  else if (k === 1) matched += lookupInto(index, 'domain', `x.h${random().toString(36)}.bench1.test`, 0).count;
  else if (k === 2) matched += lookupInto(index, 'url', `http://www.host${i % 5000}.test/a/gate.php?i=${i}`, 0).count;
  else matched += lookupInto(index, 'hash', probes[i % probes.length].length === 64 ? probes[i % probes.length] : hex().repeat(8), 0).count;
}
const lookupsPerSecond = LOOKUPS / seconds(t);

spawnSync('taskset', ['-pc', '1', String(process.pid)]);
const server = spawn('taskset', ['-c', '0', process.execPath, '--import', 'tsx', 'src/cli/main.ts', 'intel', 'serve', '--tix', tixPath, '--port', '0', '--log', join(dataDir, 'intel-lookups.jsonl')], { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
server.stderr.on('data', (b: Buffer) => { stderr += b; });
while (!/protocol on .*:(\d+)/.test(stderr)) await new Promise((r) => setTimeout(r, 50));
const port = Number(/protocol on .*:(\d+)/.exec(stderr)![1]);
const masks = probes.filter((p) => p.startsWith('*.'));
const makeEvent = (i: number) => i % 20 === 0
  ? `url=http://a.${masks[i % masks.length].slice(2).replace('/*/', '/x/')}|Code=${i}`
  : `ip=${ipv4(random())}|url=http://host${i % 5000}.example/a/b.php?x=${i}|hash=${hex()}${hex()}${hex()}${hex()}|Code=${i}`;
await runLoad({ port, connections: 8, seconds: 2, makeEvent });
const throughput = await runLoad({ port, connections: 8, seconds: 10, makeEvent });
const paced = await runLoad({ port, connections: 8, seconds: 10, rate: 1000, makeEvent });
const rssMb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;
server.kill('SIGTERM');

console.log(table([
  ['measure', 'value', 'target'],
  ['indicators compiled', stats.records, INDICATORS],
  ['compile (load feed + build + write), s', compileSeconds, '-'],
  ['.tix size, MB', statSync(tixPath).size / 1e6, '-'],
  ['.tix load, s', loadSeconds, '< 1'],
  ['in-process lookups/s (ip/domain/url/hash mix)', lookupsPerSecond, '-'],
  ['server events/s, 8 connections, 1 core (3 indicators/event)', throughput.eventsPerSecond, '>= 50000'],
  ['  p50 / p99 latency at max load, ms', `${throughput.p50Ms.toFixed(2)} / ${throughput.p99Ms.toFixed(2)}`, '-'],
  ['server p50 latency at 1,000 events/s, ms', paced.p50Ms, '-'],
  ['server p99 latency at 1,000 events/s, ms', paced.p99Ms, '< 5'],
  ['server RSS after the runs, MB', rssMb, '< 600'],
  ['match lines answered (sanity)', throughput.matchLines + paced.matchLines, '> 0'],
]));
console.log(`in-process matches: ${matched}`);
