import type { Endpoint } from './frame-builder.js';
import { mixedTraffic, type TimedFrame } from './mixed-traffic.js';
import { concat, dnsQuery, dnsResponse, httpRequest, httpResponseHead, sshSession, tlsAppData, tlsClientHello, tlsServerHello } from './payloads.js';
import { Prng } from './prng.js';
import { tcpSession } from './tcp-session.js';
import { mergeByTime, timed } from './timed.js';

/** The cast and timetable of the bundled sample intrusion (what the sample's tests expect). */
export const scenario = {
  start: Date.UTC(2026, 10, 20, 10, 0, 0) * 1000,
  attacker: '203.0.113.66',
  victim: '10.10.0.10',
  c2: '198.51.100.23',
  c2Domain: 'update-check.example-cdn.net',
  scanPorts: 1000,
  openPorts: [22, 80],
  bruteForceAttempts: 52,
  beaconIntervalSeconds: 60,
  beacons: 40,
  lateralTargets: 254,
  exfilBytes: 4_000_000,
  minutes: 60,
};

const MIN = 60e6;
const mac = (n: number) => new Uint8Array([0x02, 0x42, 0, 0, 0, n]);
const ip4 = (s: string) => new Uint8Array(s.split('.').map(Number));
/** Hosts on the internet reach the capture point through routers: 13 hops for the attacker, 15 for the C2. */
const attacker: Endpoint = { ip: ip4(scenario.attacker), mac: mac(1), port: 0, ttl: 51 };
const victim: Endpoint = { ip: ip4(scenario.victim), mac: mac(10), port: 0 };
const c2: Endpoint = { ip: ip4(scenario.c2), mac: mac(1), port: 0, ttl: 49 };
const resolver: Endpoint = { ip: ip4('10.10.0.2'), mac: mac(2), port: 53 };

/** The sample intrusion's frames in time order: background traffic plus each attack stage. */
export function intrusionTraffic(seed = 7): Generator<TimedFrame> {
  const rng = new Prng(seed);
  const t0 = scenario.start;
  const background = takeUntil(mixedTraffic(seed, t0, { concurrency: 4, meanGapMicros: 150_000, compressible: true }), t0 + scenario.minutes * MIN);
  return mergeByTime([background, portScan(t0 + 65e6), bruteForce(rng, t0 + 2 * MIN), beacons(rng, t0 + 5 * MIN),
    lateralScan(t0 + 20 * MIN), exfiltration(rng, t0 + 30 * MIN)]);
}

function* takeUntil(frames: Iterable<TimedFrame>, endMicros: number): Generator<TimedFrame> {
  for (const f of frames) { if (f.tsMicros >= endMicros) return; yield f; }
}

function* portScan(start: number): Generator<TimedFrame> {
  for (let i = 0; i < scenario.scanPorts; i++) {
    const port = i + 1;
    const src = { ...attacker, port: 40000 + (i % 20000) };
    const ending = scenario.openPorts.includes(port) ? 'rst' : 'rejected';
    yield* timed(start + i * 4000, 300, tcpSession(src, { ...victim, port }, [], ending, undefined, 5000 + i));
  }
}

function* bruteForce(rng: Prng, start: number): Generator<TimedFrame> {
  const server = { ...victim, port: 22 };
  for (let i = 0; i <= scenario.bruteForceAttempts; i++) {
    const success = i === scenario.bruteForceAttempts;
    const src = { ...attacker, port: 50000 + i };
    // Password attempts: service request and one password try answered by a failure, or, for the
    // last one, accepted and followed by an interactive session.
    const encrypted = [{ fromClient: true, size: 52 }, { fromClient: false, size: 52 }, { fromClient: true, size: 84 }, { fromClient: false, size: success ? 36 : 68 },
      ...(success ? Array.from({ length: 40 }, (_, k) => ({ fromClient: k % 2 === 0, size: 36 + 16 * rng.int(1, 50) })) : [])];
    const messages = sshSession(rng, 'libssh_0.9.6', 'OpenSSH_8.9p1 Ubuntu-3ubuntu0.6', encrypted);
    yield* timed(start + i * 1.7e6, success ? 2e6 : 20_000, tcpSession(src, server, messages, 'fin', undefined, 9000 + i));
  }
}

function* beacons(rng: Prng, start: number): Generator<TimedFrame> {
  const q = dnsQuery(0x4242, scenario.c2Domain);
  yield* timed(start - 2e6, 800, [{ src: { ...victim, port: 53001 }, dst: resolver, proto: 17, payload: q },
    { src: resolver, dst: { ...victim, port: 53001 }, proto: 17, payload: dnsResponse(q, [c2.ip], 60) }]);
  for (let i = 0; i < scenario.beacons; i++) {
    const jitter = (rng.next() - 0.5) * 2e6;
    const body = new Uint8Array(64);
    yield* timed(start + i * scenario.beaconIntervalSeconds * 1e6 + jitter, 40_000, tcpSession({ ...victim, port: 41000 + i }, { ...c2, port: 80 }, [
      { fromClient: true, data: httpRequest(scenario.c2Domain, '/api/v1/checkin?id=7f3a', 'Mozilla/5.0 (compatible; MSIE 9.0)') },
      { fromClient: false, data: concat([httpResponseHead(200, 'application/json', body.length), body]) },
    ], 'fin', undefined, 20000 + i));
  }
}

function* lateralScan(start: number): Generator<TimedFrame> {
  for (let h = 1; h <= scenario.lateralTargets; h++) {
    if (h === 10) continue;
    const target = { ip: new Uint8Array([10, 10, 0, h]), mac: mac(h), port: 445 };
    yield* timed(start + h * 20_000, 500, tcpSession({ ...victim, port: 45000 + h }, target, [], h % 3 === 0 ? 'no-answer' : 'rejected', undefined, 30000 + h));
  }
}

function* exfiltration(rng: Prng, start: number): Generator<TimedFrame> {
  const data = new Uint8Array(scenario.exfilBytes);
  for (let i = 0; i < data.length; i += 4096) data[i] = rng.int(0, 255);
  yield* timed(start, 400, tcpSession({ ...victim, port: 47000 }, { ...c2, port: 443 }, [
    { fromClient: true, data: tlsClientHello(rng, scenario.c2Domain) },
    { fromClient: false, data: tlsServerHello(rng) },
    { fromClient: true, data: tlsAppData(data) },
  ], 'fin', undefined, 40000));
}
