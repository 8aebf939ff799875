import { describe, expect, it } from 'vitest';
import type { DecodedPacket } from '../decode/packet.js';
import { track, tcp } from '../flow/testing/crafted.js';
import type { LogRecord } from '../store/schema/types.js';
import { createAppLayer } from './dispatch.js';

function withPayload(p: DecodedPacket, text: string): DecodedPacket {
  const bytes = new TextEncoder().encode(text);
  const out = { ...p, data: new Uint8Array(p.payloadOffset + bytes.length), payloadLength: bytes.length, payloadWireLength: bytes.length };
  out.data.set(bytes, p.payloadOffset);
  return out;
}

/** One crafted connection client → server (SSH banners, or an HTTP request and response), through the flow table and application layer. */
function run(client: string, server: string, exchange: [string, string], localNets?: string[]) {
  const streams = new Map<string, LogRecord[]>();
  const emit = (stream: string, record: LogRecord) => { streams.set(stream, [...(streams.get(stream) ?? []), record]); };
  const [ask, answer] = exchange;
  track([
    [1, tcp(client, server, 'S', 100, 0)], [1.1, tcp(server, client, 'SA', 500, 101)], [1.2, tcp(client, server, 'A', 101, 501)],
    [1.3, withPayload(tcp(client, server, 'PA', 101, 501), ask)],
    [1.4, withPayload(tcp(server, client, 'PA', 501, 101 + ask.length), answer)],
  ], { analyzers: createAppLayer({ emit, localNets }) });
  return (name: string) => streams.get(name) ?? [];
}

const SSH: [string, string] = ['SSH-2.0-OpenSSH_9.6\r\n', 'SSH-2.0-OpenSSH_8.9\r\n'];

describe('local networks in the application layer', () => {
  it('ssh.log direction: OUTBOUND from a local client, INBOUND into a local server, unset local to local', () => {
    expect(run('10.0.0.1:40000', '203.0.113.5:22', SSH)('ssh')).toMatchObject([{ direction: 'OUTBOUND' }]);
    expect(run('203.0.113.5:40000', '10.0.0.1:22', SSH)('ssh')).toMatchObject([{ direction: 'INBOUND' }]);
    expect(run('10.0.0.1:40000', '10.0.0.2:22', SSH)('ssh')).toMatchObject([{ direction: null }]);
    expect(run('198.51.100.1:40000', '203.0.113.5:22', SSH)('ssh')).toMatchObject([{ direction: null }]);
  });

  it('takes the local networks from its options', () => {
    expect(run('10.0.0.1:40000', '203.0.113.5:22', SSH, ['203.0.113.0/24'])('ssh')).toMatchObject([{ direction: 'INBOUND' }]);
  });
});

describe('files.log local_orig', () => {
  const HTTP: [string, string] = ['GET /f HTTP/1.1\r\nHost: x\r\n\r\n', 'HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody'];
  const UPLOAD: [string, string] = ['POST /u HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nup', 'HTTP/1.1 204 No Content\r\n\r\n'];

  it('says whether the sender of the file is local (the responder for a download, the originator for an upload)', () => {
    expect(run('10.0.0.1:40000', '203.0.113.5:80', HTTP)('files')).toMatchObject([{ is_orig: false, local_orig: false, parent_fuid: null }]);
    expect(run('203.0.113.5:40000', '10.0.0.1:80', HTTP)('files')).toMatchObject([{ is_orig: false, local_orig: true }]);
    expect(run('10.0.0.1:40000', '203.0.113.5:80', UPLOAD)('files')).toMatchObject([{ is_orig: true, local_orig: true }]);
  });
});
