import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import type { DecodedPacket } from '../decode/packet.js';
import { track, tcp, udp } from '../flow/testing/crafted.js';
import { trackCapture } from '../flow/testing/track-capture.js';
import type { LogRecord } from '../store/schema/types.js';
import { WeirdCounter } from '../util/weird.js';
import { createAppLayer } from './dispatch.js';
import { tsharkFields } from './tshark-fields.js';

function sink() {
  const streams = new Map<string, LogRecord[]>();
  const emit = (stream: string, record: LogRecord) => { streams.set(stream, [...(streams.get(stream) ?? []), record]); };
  return { emit, get: (name: string) => streams.get(name) ?? [] };
}

function withPayload(p: DecodedPacket, text: string): DecodedPacket {
  const bytes = new TextEncoder().encode(text);
  const out = { ...p, data: new Uint8Array(p.payloadOffset + bytes.length), payloadLength: bytes.length, payloadWireLength: bytes.length };
  out.data.set(bytes, p.payloadOffset);
  return out;
}

describe('createAppLayer with crafted packets', () => {
  it('finds HTTP by content on an unusual port, reassembling out-of-order segments', () => {
    const out = sink();
    const weird = new WeirdCounter();
    const c = '10.0.0.1:40000', s = '10.0.0.2:8081';
    const { records } = track([
      [1, tcp(c, s, 'S', 100, 0)], [1.1, tcp(s, c, 'SA', 500, 101)], [1.2, tcp(c, s, 'A', 101, 501)],
      [1.4, withPayload(tcp(c, s, 'PA', 117, 501), 'Host: x\r\n\r\n')],
      [1.3, withPayload(tcp(c, s, 'PA', 101, 501), 'GET / HTTP/1.1\r\n')],
      [1.5, withPayload(tcp(s, c, 'PA', 501, 128), 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi')],
    ], { analyzers: createAppLayer({ emit: out.emit, weird }) });
    expect(out.get('http')).toMatchObject([{ method: 'GET', uri: '/', host: 'x', version: '1.1', status_code: 200, response_body_len: 2 }]);
    expect(weird.total()).toBe(0);
    expect(records[0].service).toBe('http');
  });

  it('leaves unknown protocols alone; the port hint is a fallback, for connections seen from their start', () => {
    const out = sink();
    const weird = new WeirdCounter();
    const { records } = track([
      [1, withPayload(tcp('10.0.0.1:1', '10.0.0.2:9999', 'PA', 1, 1), '\x00\x01binary')],
      [2, tcp('10.0.0.1:2', '10.0.0.2:21', 'S', 0, 0)], [2.01, tcp('10.0.0.2:21', '10.0.0.1:2', 'SA', 0, 1)],
      [2.02, withPayload(tcp('10.0.0.1:2', '10.0.0.2:21', 'PA', 1, 1), 'STAT\r\n')],
      [2.1, withPayload(tcp('10.0.0.2:21', '10.0.0.1:2', 'PA', 1, 7), '211 ok\r\n')],
      [3, withPayload(udp('10.0.0.1:3', '10.0.0.2:7777', 0), 'not dns')],
      [4, withPayload(tcp('10.0.0.1:4', '10.0.0.2:21', 'PA', 1, 1), 'STAT\r\n')],
      [4.1, withPayload(tcp('10.0.0.2:21', '10.0.0.1:4', 'PA', 1, 7), '211 ok\r\n')],
    ], { analyzers: createAppLayer({ emit: out.emit, weird }) });
    expect(records.map((r) => r.service)).toEqual([null, 'ftp', null, null]);
    expect(out.get('ftp')).toMatchObject([{ command: 'STAT', reply_code: 211 }]);
    expect(weird.total()).toBe(0);
  });
});

describe.skipIf(!haveCorpus)('createAppLayer end to end on corpus captures (real reader, decoder, flow table)', () => {
  async function ingest(file: string) {
    const out = sink();
    const weird = new WeirdCounter();
    const { records } = await trackCapture(corpus(file), { analyzers: createAppLayer({ emit: out.emit, weird }) });
    return { ...out, conns: records, weird };
  }

  it('HTTP requests match tshark on the Wikipedia capture, and their connections say http', async () => {
    const run = await ingest('pcaps/misc/zeek_wikipedia_http.pcap');
    const ours = run.get('http').map((r) => `${r.method} ${r.host}${r.uri}`).sort();
    const theirs = tsharkFields(corpus('pcaps/misc/zeek_wikipedia_http.pcap'), ['http.request.method', 'http.host', 'http.request.uri'], 'http.request')
      .map(([m, h, u]) => `${m} ${h}${u}`).sort();
    expect(ours).toEqual(theirs);
    const httpUids = new Set(run.get('http').map((r) => r.uid));
    expect(run.conns.filter((c) => httpUids.has(c.uid)).every((c) => c.service === 'http')).toBe(true);
    expect(run.weird.toJSON()).toEqual({});
  });

  it('SSH brute force: every connection is ssh and failed, attempts as Zeek counted them', async () => {
    const run = await ingest('pcaps/ssh-bruteforce/zeek_sshguess.pcap');
    expect(run.get('ssh').map((r) => r.auth_attempts).sort()).toEqual([2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4]);
    expect(run.get('ssh').every((r) => r.auth_success === false)).toBe(true);
    expect(run.conns.filter((c) => c.service === 'ssh')).toHaveLength(11);
  });

  it('FTP over IPv6: the control connection is ftp and its five data connections ftp-data', async () => {
    const run = await ingest('pcaps/ipv6/zeek_ftp_ipv6.pcap');
    expect(run.conns.map((c) => c.service).sort()).toEqual(['ftp', 'ftp-data', 'ftp-data', 'ftp-data', 'ftp-data', 'ftp-data']);
    expect(run.get('ftp')).toHaveLength(22);
    const transfers = run.get('files').filter((f) => f.source === 'FTP_DATA');
    expect(transfers).toHaveLength(5);
    // robots.txt, retrieved twice; tshark's `--export-objects ftp-data` gives this MD5 for it.
    expect(transfers.filter((f) => f.md5 === '614c17288dad92fbe61f58731dacfea3').map((f) => f.seen_bytes)).toEqual([77, 77]);
  });

  it('Honeynet attack trace: FTP on port 8884 found by content, the ssms.exe download hashed as tshark follows it', async () => {
    const file = 'pcaps/exploit/honeynet_fc2010_attack-trace.pcap';
    const run = await ingest(file);
    const commands = tsharkFields(corpus(file), ['ftp.request.command', 'ftp.request.arg'], 'ftp.request.command', ['-d', 'tcp.port==8884,ftp'])
      .map(([c, a]) => (c === 'PASS' ? 'PASS' : `${c} ${a ?? ''}`.trim()));
    expect(run.get('ftp').map((r) => (r.command === 'PASS' ? 'PASS' : `${r.command} ${String(r.arg).replace(/^ftp:\/\/[^/]+\//, '')}`.trim()))).toEqual(commands);
    const follow = execFileSync('tshark', ['-r', corpus(file), '-q', '-z', 'follow,tcp,raw,4'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const hex = follow.split('\n').filter((l) => /^\t?[0-9a-f]+$/.test(l)).join('').replace(/\t/g, '');
    const [exe] = run.get('files');
    expect(exe).toMatchObject({ source: 'FTP_DATA', mime_type: 'application/x-dosexec', seen_bytes: hex.length / 2, missing_bytes: 0 });
    expect(exe.md5).toBe(createHash('md5').update(Buffer.from(hex, 'hex')).digest('hex'));
  });
});
