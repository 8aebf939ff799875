import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, corpusRoot, haveCorpus, projectRoot } from '../../test/helpers/corpus.js';
import { InputError } from '../cli/command.js';
import { CollectingSink, fingerprint } from './collecting-sink.js';
import { readCapture, readCaptureStream } from './read-capture.js';
import { findCaptureFiles } from './find-captures.js';

/** capinfos' short encapsulation names for the link types in the corpus. */
const ENCAPSULATION: Record<number, string> = { 1: 'ether', 101: 'rawip', 113: 'linux-sll', 239: 'nflog', 276: 'linux-sll2' };

interface Oracle { packets: number; first: string; last: string; encapsulation: string }

/** capinfos' count, earliest and latest time (as printed, 6 or 9 decimals) and encapsulation per file. */
function capinfos(files: string[]): Map<string, Oracle> {
  const out = spawnSync('capinfos', ['-M', '-c', '-a', '-e', '-S', '-E', '-T', '-r', ...files.map(corpus)], { encoding: 'utf8' }).stdout;
  const rows = new Map<string, Oracle>();
  for (const line of out.trim().split('\n')) {
    const [path, encapsulation, packets, first, last] = line.split('\t');
    rows.set(path, { packets: Number(packets), first, last, encapsulation });
  }
  return rows;
}

/** Interface names per file from `capinfos -I`, in interface order. */
function interfaceNames(file: string): string[] {
  const out = spawnSync('capinfos', ['-I', corpus(file)], { encoding: 'utf8' }).stdout;
  return out.split(/Interface #\d+ info:/).slice(1).map((block) => /^\s*Name = (.*)$/m.exec(block)?.[1] ?? '');
}

/** `sec.nnnnnnnnn` cut to `decimals` digits, as capinfos prints it. */
function formatTime(sec: number, nsec: number, decimals: number): string {
  return `${sec}.${String(nsec).padStart(9, '0').slice(0, decimals)}`;
}

/** Earliest and latest packet time, each with as many decimals as capinfos printed for it. */
function earliestAndLatest(sink: CollectingSink, want: Oracle): [string, string] {
  const stamped = sink.packets.map((p) => [p.tsSec, p.tsNsec]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (stamped.length === 0) return ['n/a', 'n/a'];
  const [first, last] = [stamped[0], stamped[stamped.length - 1]];
  return [formatTime(first[0], first[1], decimalsOf(want.first)), formatTime(last[0], last[1], decimalsOf(want.last))];
}

function decimalsOf(time: string): number {
  return time.split('.')[1]?.length ?? 0;
}

const files = haveCorpus ? findCaptureFiles(corpus('pcaps')).map((path) => relative(corpusRoot, path)) : [];
const scratch = mkdtempSync(join(tmpdir(), 'tracer-capture-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!haveCorpus)('readCapture on the corpus, against capinfos', () => {
  const oracle = capinfos(files);

  it('finds the corpus captures', () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
  });

  it.each(files)('%s: packet count, earliest/latest time, link type, no problems', async (file) => {
    const want = oracle.get(corpus(file))!;
    const sink = new CollectingSink();
    const summary = await readCapture(corpus(file), sink);
    expect(summary.packets).toBe(want.packets);
    expect(earliestAndLatest(sink, want)).toEqual([want.first, want.last]);
    if (want.first !== 'n/a') expect([summary.firstTs! - Number(want.first), summary.lastTs! - Number(want.last)].map(Math.abs).every((d) => d < 1e-6)).toBe(true);
    expect(summary.linkTypes.map((t) => ENCAPSULATION[t] ?? String(t))).toEqual([want.encapsulation]);
    expect(sink.problems).toEqual([]);
    expect(summary.sha256).toBe(createHash('sha256').update(readFileSync(corpus(file))).digest('hex'));
    if (file.endsWith('.pcapng')) expect(summary.interfaces.map((i) => i.name ?? '')).toEqual(interfaceNames(file));
  });
});

describe.skipIf(!haveCorpus)('readCapture inputs', () => {
  const file = corpus('pcaps/pcapng/zeek_pcapng-multi-interface.pcapng');

  it('reads a gzip-compressed capture exactly like the original, hashing the compressed bytes', async () => {
    const gz = join(scratch, 'multi.pcapng.gz');
    const compressed = gzipSync(readFileSync(file));
    writeFileSync(gz, compressed);
    const plain = new CollectingSink();
    const zipped = new CollectingSink();
    const a = await readCapture(file, plain);
    const b = await readCapture(gz, zipped, { chunkSize: 100 });
    expect(zipped.packets).toEqual(plain.packets);
    expect(b).toMatchObject({ compressed: true, format: 'pcapng', packets: a.packets, bytes: a.bytes, fileBytes: compressed.length });
    expect(b.sha256).toBe(createHash('sha256').update(compressed).digest('hex'));
  });

  it('keeps the packets before the damage of a cut-short gzip file', async () => {
    const big = corpus('pcaps/scan/evilfingers_nmap_TCP_SYN_SCAN.pcap');
    const compressed = gzipSync(readFileSync(big));
    const gz = join(scratch, 'cut.pcap.gz');
    writeFileSync(gz, compressed.subarray(0, compressed.length >> 1));
    const sink = new CollectingSink();
    const summary = await readCapture(gz, sink);
    expect(summary.truncated).toBe(true);
    expect(summary.packets).toBeGreaterThan(100);
    expect(sink.problems.map((p) => p.code)).toContain('capture_gzip_damaged');
  });

  it("reads stdin for '-'", () => {
    const script = `import { readCapture } from ${JSON.stringify(join(projectRoot, 'src/capture/read-capture.ts'))};
      const s = await readCapture('-', { packet() {} }); console.log(JSON.stringify([s.path, s.packets, s.sha256]));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { input: readFileSync(file), encoding: 'utf8', cwd: projectRoot });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(['-', 6, createHash('sha256').update(readFileSync(file)).digest('hex')]);
  });

  it('reads any Readable, whatever its chunking, as readCaptureStream', async () => {
    const bytes = readFileSync(file);
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const fromFile = new CollectingSink();
    const fromStream = new CollectingSink();
    await readCapture(file, fromFile);
    const summary = await readCaptureStream(Readable.from(pieces), 'pipe', fromStream);
    expect(fromStream.packets).toEqual(fromFile.packets);
    expect(summary).toMatchObject({ path: 'pipe', packets: 6, fileBytes: bytes.length });
  });

  it('reads what tcpdump writes to a pipe', async () => {
    const ftp = corpus('pcaps/misc/zeek_ftp_bruteforce.pcap');
    const tcpdump = spawn('tcpdump', ['-U', '-r', ftp, '-w', '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const piped = new CollectingSink();
    const direct = new CollectingSink();
    const summary = await readCaptureStream(tcpdump.stdout, 'tcpdump', piped);
    await readCapture(ftp, direct);
    expect(summary).toMatchObject({ packets: 606, problems: 0, truncated: false, fileBytes: readFileSync(ftp).length });
    expect(piped.packets.map((p) => fingerprint(p))).toEqual(direct.packets.map((p) => fingerprint(p)));
  });

  it('rejects gzip that does not hold a capture', async () => {
    const gz = join(scratch, 'notes.txt.gz');
    writeFileSync(gz, gzipSync('just some notes\n'));
    await expect(readCapture(gz, { packet() {} })).rejects.toThrow(`Cannot read capture ${gz}: unknown file format at offset 0 (magic 0x6a757374)`);
  });

  it('closes the file when it stops at the first chunk (not a capture), plain or gzip', async () => {
    const text = join(scratch, 'notes.txt');
    writeFileSync(text, 'just some notes\n'.repeat(1000));
    writeFileSync(text + '.gz', gzipSync(readFileSync(text)));
    const openOnNotes = () => readdirSync('/proc/self/fd').filter((fd) => {
      try { return readlinkSync(`/proc/self/fd/${fd}`).startsWith(text); } catch { return false; }
    }).length;
    for (let i = 0; i < 5; i++) {
      await expect(readCapture(text, { packet() {} }, { chunkSize: 4096 })).rejects.toThrow(/unknown file format/);
      await expect(readCapture(text + '.gz', { packet() {} })).rejects.toThrow(/unknown file format/);
    }
    expect(openOnNotes()).toBe(0);
  });

  it('reports progress against the file size', async () => {
    const seen: Array<[number, number | null]> = [];
    await readCapture(file, { packet() {} }, { chunkSize: 500, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([[500, 1348], [1000, 1348], [1348, 1348]]);
  });

  it('rejects a missing file, a directory and a non-capture file with one-line InputErrors', async () => {
    const sink = { packet() {} };
    await expect(readCapture(join(scratch, 'nope.pcap'), sink)).rejects.toThrow(new InputError(`Cannot read capture ${join(scratch, 'nope.pcap')}: no such file`));
    await expect(readCapture(scratch, sink)).rejects.toThrow(`Cannot read capture ${scratch}: is a directory`);
    const text = corpus('pcaps/scan/evilfingers_NMAP_SCAN_ANALYSIS.txt');
    await expect(readCapture(text, sink)).rejects.toThrow(/^Cannot read capture .*\.txt: unknown file format at offset 0 \(magic 0x[0-9a-f]{8}\)$/);
    const empty = join(scratch, 'empty.pcap');
    writeFileSync(empty, '');
    await expect(readCapture(empty, sink)).rejects.toThrow(`Cannot read capture ${empty}: input is empty`);
  });
});
