import type { Endpoint, FrameSpec } from './frame-builder.js';
import {
  concat, dnsQuery, dnsResponse, httpRequest, httpResponseHead, sshSession,
  tlsAppData, tlsClientHello, tlsServerHello,
} from './payloads.js';
import { Prng } from './prng.js';
import { tcpSession, type TcpEnding } from './tcp-session.js';

/** Shape of the generated mix. */
export interface MixOptions {
  /** Sessions in progress at once (default 2000). */
  concurrency?: number;
  /** Mean time between packets, in microseconds (default 20). */
  meanGapMicros?: number;
  /** Bodies of repeated text instead of random bytes, so the capture compresses (for the bundled sample). */
  compressible?: boolean;
  /** Scales the mean HTTP/TLS body size (default 1; 0.01 gives a small-packet mix). */
  bodyScale?: number;
}

/** A frame and the time it is sent. */
export interface TimedFrame { tsMicros: number; frame: FrameSpec }

const NAMES = ['example.com', 'cdn.example.net', 'api.example.org', 'mail.example.com', 'updates.example.io', 'static.example.net'];
const AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'curl/8.5.0', 'Mozilla/5.0 (X11; Linux x86_64)'];

/**
 * An endless, time-ordered mix of realistic sessions (DNS, HTTP, TLS, SSH,
 * ICMP, failed connections; IPv4 and IPv6; some VLAN-tagged) from a seed.
 */
export function* mixedTraffic(seed: number, startMicros: number, options: MixOptions = {}): Generator<TimedFrame> {
  const { concurrency = 2000, meanGapMicros = 20, compressible = false, bodyScale = 1 } = options;
  const rng = new Prng(seed);
  const bulk = new Uint8Array(1 << 20);
  const filler = new TextEncoder().encode('The quick brown fox jumps over the lazy dog. ');
  for (let i = 0; i < bulk.length; i++) bulk[i] = compressible ? filler[i % filler.length] : rng.int(0, 255);
  const hosts = makeHosts(rng);
  // Each session keeps its own clock (packets 0.5–1.5 × the per-session gap apart, like
  // round trips), and the sessions are merged in time order.
  const sessionGap = meanGapMicros * concurrency;
  const queue = new SessionQueue();
  let sessions = 0;
  for (let i = 0; i < concurrency; i++) queue.push(startMicros + rng.next() * sessionGap, newSession(rng, hosts, bulk, sessions++, bodyScale));
  while (true) {
    const { ts, session } = queue.pop();
    const step = session.next();
    if (step.done) { queue.push(ts + rng.exp(meanGapMicros), newSession(rng, hosts, bulk, sessions++, bodyScale)); continue; }
    yield { tsMicros: Math.floor(ts), frame: step.value };
    queue.push(ts + sessionGap * (0.5 + rng.next()), session);
  }
}

/** A binary min-heap of sessions by the time of their next packet. */
class SessionQueue {
  private readonly items: { ts: number; session: Generator<FrameSpec> }[] = [];

  push(ts: number, session: Generator<FrameSpec>): void {
    const a = this.items;
    a.push({ ts, session });
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (a[parent].ts <= a[i].ts) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }

  pop(): { ts: number; session: Generator<FrameSpec> } {
    const a = this.items;
    const top = a[0];
    const last = a.pop() as (typeof a)[number];
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && a[l].ts < a[m].ts) m = l;
        if (r < a.length && a[r].ts < a[m].ts) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

interface Hosts { clients4: Endpoint[]; servers4: Endpoint[]; clients6: Endpoint[]; servers6: Endpoint[]; resolver: Endpoint }

function makeHosts(rng: Prng): Hosts {
  const mac = (n: number) => new Uint8Array([0x02, 0, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff, rng.int(0, 255)]);
  const v4 = (a: number, b: number, c: number, d: number) => new Uint8Array([a, b, c, d]);
  const v6 = (prefix: number, n: number) => { const ip = new Uint8Array(16); ip[0] = prefix >> 8; ip[1] = prefix & 0xff; ip[14] = n >> 8; ip[15] = n & 0xff; return ip; };
  const gw = mac(0xfffff);
  return {
    clients4: Array.from({ length: 500 }, (_, i) => ({ ip: v4(10, 1, Math.floor(i / 250), (i % 250) + 1), mac: mac(i), port: 0 })),
    servers4: Array.from({ length: 2000 }, (_, i) => ({ ip: v4(93, 184, Math.floor(i / 250) + 1, (i % 250) + 1), mac: gw, port: 0 })),
    clients6: Array.from({ length: 100 }, (_, i) => ({ ip: v6(0xfd00, i + 1), mac: mac(1000 + i), port: 0 })),
    servers6: Array.from({ length: 300 }, (_, i) => ({ ip: v6(0x2001, i + 1), mac: gw, port: 0 })),
    resolver: { ip: v4(10, 1, 255, 53), mac: mac(0xeeeee), port: 53 },
  };
}

function newSession(rng: Prng, h: Hosts, bulk: Uint8Array, n: number, bodyScale: number): Generator<FrameSpec> {
  const six = rng.next() < 0.1;
  const client = { ...rng.pick(six ? h.clients6 : h.clients4), port: 1024 + (n % 60000) };
  const server = rng.pick(six ? h.servers6 : h.servers4);
  const last = client.ip[client.ip.length - 1];
  const vlan = last % 10 === 0 ? 10 + (last % 3) : undefined;
  const kind = rng.next();
  const body = (mean: number) => bulk.subarray(0, Math.min(bulk.length, 200 + Math.floor(rng.exp(mean * bodyScale))));
  const ending = (): TcpEnding => (rng.next() < 0.95 ? 'fin' : 'rst');
  if (kind < 0.4 && !six) return dnsExchange(rng, client, h.resolver, n);
  if (kind < 0.6) {
    const b = body(60_000);
    const host = rng.pick(NAMES);
    return tcpSession(client, { ...server, port: rng.next() < 0.9 ? 80 : 8080 }, [
      { fromClient: true, data: httpRequest(host, `/item/${n}`, rng.pick(AGENTS)) },
      { fromClient: false, data: concat([httpResponseHead(200, 'application/octet-stream', b.length), b]) },
    ], ending(), vlan, n);
  }
  if (kind < 0.85) {
    const b = body(80_000);
    return tcpSession(client, { ...server, port: 443 }, [
      { fromClient: true, data: tlsClientHello(rng, rng.pick(NAMES)) },
      { fromClient: false, data: tlsServerHello(rng) },
      { fromClient: true, data: tlsAppData(bulk.subarray(0, 300)) },
      { fromClient: false, data: tlsAppData(b) },
    ], ending(), vlan, n);
  }
  if (kind < 0.87) {
    const encrypted = Array.from({ length: 12 }, (_, k) => ({ fromClient: k % 2 === 0, size: 36 + 16 * rng.int(1, 60) }));
    return tcpSession(client, { ...server, port: 22 }, sshSession(rng, 'OpenSSH_9.6', 'OpenSSH_9.2p1 Debian-2', encrypted), 'fin', vlan, n);
  }
  if (kind < 0.92) return icmpEcho(client, server, n, vlan);
  return tcpSession(client, { ...server, port: rng.pick([23, 445, 3389, 8443]) }, [], rng.next() < 0.5 ? 'no-answer' : 'rejected', vlan, n);
}

function* dnsExchange(rng: Prng, client: Endpoint, resolver: Endpoint, n: number): Generator<FrameSpec> {
  const q = dnsQuery(n & 0xffff, `host${n % 5000}.${rng.pick(NAMES)}`);
  yield { src: client, dst: resolver, proto: 17, payload: q };
  const answers = [new Uint8Array([93, 184, rng.int(1, 8), rng.int(1, 254)])];
  yield { src: resolver, dst: client, proto: 17, payload: dnsResponse(q, answers, 300) };
}

function* icmpEcho(client: Endpoint, server: Endpoint, n: number, vlan?: number): Generator<FrameSpec> {
  const six = client.ip.length === 16;
  const payload = new Uint8Array(56);
  const id = { ...client, port: n & 0xffff };
  const peer = { ...server, port: n & 0xffff };
  for (let i = 0; i < 3; i++) {
    yield { src: id, dst: peer, proto: six ? 58 : 1, icmpType: six ? 128 : 8, vlan, payload };
    yield { src: peer, dst: id, proto: six ? 58 : 1, icmpType: six ? 129 : 0, vlan, payload };
  }
}
