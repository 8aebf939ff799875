import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeMixedCapture } from '../src/synth/write-mixed-capture.js';
import { measure, table } from './measure.js';

/**
 * `npm run bench`: Tracer's ingest beside tshark, nfpcapd and the input's SHA-256 alone on the same
 * generated capture, one core each, printed as a table with ratios.
 * Options: --mb N (capture size, default 1000), --big (also a 5 GB file for the
 * memory check), --keep (keep generated files in bench/data).
 */
const { values } = parseArgs({ options: { mb: { type: 'string', default: '1000' }, big: { type: 'boolean', default: false } } });
const dataDir = join('bench', 'data');
mkdirSync(dataDir, { recursive: true });

function capture(mb: number): { path: string; bytes: number; packets: number } {
  const path = join(dataDir, `mixed-${mb}mb.pcap`);
  if (!existsSync(path)) writeMixedCapture(path, mb * 1e6, 1);
  const packets = Number(/(\d+)/.exec(spawnSync('capinfos', ['-c', '-M', '-T', '-r', path], { encoding: 'utf8' }).stdout.split('\t').pop() ?? '')?.[1]);
  return { path, bytes: statSync(path).size, packets };
}

spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });

/** The application fields Tracer's analyzers extract, for tshark to extract too. */
const APP_FIELDS = ['dns.qry.name', 'dns.a', 'http.request.method', 'http.host', 'http.request.uri', 'http.user_agent', 'http.response.code',
  'tls.handshake.extensions_server_name', 'tls.handshake.ja3', 'tls.handshake.ja3s', 'ssh.protocol', 'ftp.request.command'];

function ingestRow(file: { path: string; bytes: number; packets: number }, label: string, extra: string[] = []) {
  const db = join(dataDir, 'bench.duckdb');
  rmSync(db, { force: true });
  rmSync(db + '.wal', { force: true });
  const m = measure(process.execPath, ['dist/cli/main.js', 'ingest', '--db', db, '--quiet', ...extra, file.path]);
  if (m.code !== 0) throw new Error(`tracer ingest failed: ${m.stderr}`);
  return [label, m.seconds, file.bytes / 1e6 / m.seconds, file.packets / m.seconds, m.peakRssMb] as const;
}

const main = capture(Number(values.mb));
console.log(`capture: ${main.path} ${(main.bytes / 1e6).toFixed(0)} MB, ${main.packets.toLocaleString('en-US')} packets`);
const tracer = ingestRow(main, 'tracer ingest --no-app', ['--no-app']);
const tracerApp = ingestRow(main, 'tracer ingest (all parsers)');
const nfdir = join(dataDir, 'nfpcapd');
rmSync(nfdir, { recursive: true, force: true });
mkdirSync(nfdir);
const peers = [
  ['tshark -q -z conv,tcp', measure('tshark', ['-n', '-q', '-r', main.path, '-z', 'conv,tcp'])],
  ['nfpcapd -r', measure('nfpcapd', ['-r', main.path, '-w', nfdir])],
  ['tshark -T fields (same fields)', measure('tshark', ['-n', '-r', main.path, '-T', 'fields', ...APP_FIELDS.flatMap((f) => ['-e', f])])],
  // The floor under any ingest that records the input's SHA-256, as Tracer must (OpenSSL, as Node hashes;
  // coreutils' sha256sum does not use the CPU's SHA instructions and is 5x slower).
  ['openssl dgst -sha256 (the input hash alone)', measure('openssl', ['dgst', '-sha256', main.path])],
] as const;
const rows: (string | number)[][] = [['tool', 'seconds', 'MB/s', 'packets/s', 'peak RSS MB', 'time ÷ tracer --no-app']];
rows.push([...tracer, 1]);
rows.push([...tracerApp, tracerApp[1] / tracer[1]]);
for (const [label, m] of peers) rows.push([label, m.seconds, main.bytes / 1e6 / m.seconds, main.packets / m.seconds, m.peakRssMb, m.seconds / tracer[1]]);
console.log(table(rows));

if (values.big) {
  const big = capture(5000);
  const rows5 = [ingestRow(big, 'tracer ingest --no-app 5 GB', ['--no-app']), ingestRow(big, 'tracer ingest (all parsers) 5 GB')];
  console.log(table([['run', 'seconds', 'MB/s', 'packets/s', 'peak RSS MB'], [...tracer], [...tracerApp], ...rows5.map((r) => [...r])]));
}
