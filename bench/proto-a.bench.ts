import type { AnalyzerContext } from '../src/proto/analyzer.js';
import { newDnsMessage, parseDnsMessage } from '../src/proto/dns/message.js';
import { DnsTransactions } from '../src/proto/dns/state.js';
import { DNS_CAPTURES, TLS_CAPTURES } from '../src/proto/testing/captures.js';
import { conversations } from '../src/proto/testing/conversations.js';
import { detectTls } from '../src/proto/tls/detect.js';
import { TlsSession } from '../src/proto/tls/state.js';
import { corpus } from '../test/helpers/corpus.js';
import { roundsPerSecond } from './measure.js';

/**
 * `npx tsx bench/proto-a.bench.ts [seconds]`: single-core throughput of the
 * DNS parser, the DNS analyzer (pairing, records, passive DNS) and the TLS
 * analyzer (records, handshakes, x509, fingerprints) over every corpus
 * payload, extracted once with tshark. Prints MB/s and messages/s.
 */
const SECONDS = Number(process.argv[2] ?? 2);

/** An AnalyzerContext that drops what it is given (the store's cost is measured elsewhere). */
const sink: AnalyzerContext = {
  uid: 'Cbench', origH: '10.0.0.1', origP: 1024, respH: '10.0.0.2', respP: 53, proto: 'udp', localOrig: true, localResp: true,
  emit: () => undefined, weird: () => undefined, setService: () => undefined,
};

const rate = (round: () => void): number => roundsPerSecond(round, SECONDS);

function report(label: string, bytes: number, items: number, unit: string, perSecond: number): void {
  console.log(`${label.padEnd(28)} ${(bytes * perSecond / 1e6).toFixed(1).padStart(8)} MB/s ${Math.round(items * perSecond).toLocaleString('en-US').padStart(12)} ${unit}/s`);
}

const dns = DNS_CAPTURES.flatMap((f) => conversations(corpus(f), 'udp', 'dns')).flatMap((c) => c.segments);
const dnsBytes = dns.reduce((n, s) => n + s.data.length, 0);
const msg = newDnsMessage();
report('dns parse', dnsBytes, dns.length, 'messages', rate(() => { for (const s of dns) parseDnsMessage(s.data, msg, sink); }));
report('dns analyzer', dnsBytes, dns.length, 'messages', rate(() => {
  const t = new DnsTransactions(sink);
  for (const s of dns) t.message(s.data, s.ts);
  t.end();
}));

const tls = TLS_CAPTURES.flatMap((f) => conversations(corpus(f), 'tcp', 'tcp')).filter((c) => c.segments.some((s) => detectTls(s.isOrig, s.data) === 'yes'));
const tlsBytes = tls.reduce((n, c) => n + c.segments.reduce((m, s) => m + s.data.length, 0), 0);
report(`tls analyzer (${tls.length} conns)`, tlsBytes, tls.length, 'handshakes', rate(() => {
  for (const conv of tls) {
    const session = new TlsSession(sink);
    const held: Uint8Array[] = [new Uint8Array(0), new Uint8Array(0)];
    for (const s of conv.segments) {
      const side = s.isOrig ? 0 : 1;
      const data = held[side].length === 0 ? s.data : Buffer.concat([held[side], s.data]);
      held[side] = data.subarray(session.deliver(s.isOrig, data, s.ts));
    }
    session.end();
  }
}));
