import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecodedPacket } from '../decode/packet.js';
import { track, tcp, udp } from '../flow/testing/crafted.js';
import { WeirdCounter } from '../util/weird.js';
import { createAppLayer } from './dispatch.js';
import { FUZZ_TIME_LIMIT_MS } from './fuzz-harness.js';

const PORTS = [21, 22, 53, 80, 443, 8080, 9999];
const PREFIXES = ['', 'GET / HTTP/1.1\r\n\r\n', 'SSH-2.0-x\r\n', '220 FTP\r\n', 'USER a\r\n', '\x16\x03\x01\x00\x05\x01', 'HTTP/1.1 200 OK\r\n\r\n'];

describe('createAppLayer fuzz', () => {
  it('never throws, whatever the packets, and no analyzer ever fails', () => {
    const packet = fc.record({
      udp: fc.boolean(), fromClient: fc.boolean(), port: fc.constantFrom(...PORTS), seq: fc.integer({ min: 0, max: 3000 }),
      flags: fc.constantFrom('PA', 'A', 'FA', 'R', 'S'), prefix: fc.constantFrom(...PREFIXES), bytes: fc.uint8Array({ maxLength: 200 }),
    });
    fc.assert(fc.property(fc.array(packet, { maxLength: 40 }), (packets) => {
      const weird = new WeirdCounter();
      const streams: string[] = [];
      const list = packets.map((p, i): [number, DecodedPacket] => {
        const client = '10.0.0.1:40000', server = `10.0.0.2:${p.port}`;
        const [from, to] = p.fromClient ? [client, server] : [server, client];
        const payload = Buffer.concat([Buffer.from(p.prefix, 'latin1'), p.bytes]);
        const pkt = p.udp ? udp(from, to, payload.length) : tcp(from, to, p.flags, p.seq, 1, payload.length);
        pkt.data.set(payload, pkt.payloadOffset);
        return [i, pkt];
      });
      track(list, { analyzers: createAppLayer({ emit: (s) => streams.push(s), weird }) });
      expect(Object.keys(weird.toJSON()).filter((w) => w.endsWith('_analyzer_error'))).toEqual([]);
    }), { interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS, numRuns: 1_000_000 });
  });
});
