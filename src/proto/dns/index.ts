import type { AnalyzerContext, AnalyzerFactory, AppAnalyzer } from '../analyzer.js';
import { detectDns } from './detect.js';
import { DnsTransactions } from './state.js';
import { deliverFramed } from './tcp-framing.js';

/** DNS over UDP: one message per datagram, on any port where the content looks like DNS. */
export const dnsUdpAnalyzer: AnalyzerFactory = {
  name: 'dns',
  transport: 'udp',
  ports: [53, 5353, 5355],
  detect: (_isOrig, firstBytes) => detectDns(firstBytes),
  create: createDnsAnalyzer,
};

/** DNS over TCP: length-prefixed messages on the reassembled stream. */
export const dnsTcpAnalyzer: AnalyzerFactory = {
  name: 'dns',
  transport: 'tcp',
  ports: [53],
  detect: (_isOrig, firstBytes) => (firstBytes.length < 2 ? 'more' : detectDns(firstBytes.subarray(2))),
  create: createDnsAnalyzer,
};

/** One connection's DNS analyzer (UDP datagrams or TCP stream). */
function createDnsAnalyzer(ctx: AnalyzerContext): AppAnalyzer {
  const transactions = new DnsTransactions(ctx);
  const lost = [false, false];
  let now = 0;
  const onMessage = (message: Uint8Array) => transactions.message(message, now);
  const onEmpty = () => ctx.weird('dns_tcp_empty_message');
  return {
    deliver(isOrig, data, ts) {
      if (lost[isOrig ? 0 : 1]) return data.length;
      now = ts;
      return deliverFramed(data, onMessage, onEmpty);
    },
    gap(isOrig) {
      // Message boundaries cannot be found again after lost bytes: stop this direction.
      lost[isOrig ? 0 : 1] = true;
      ctx.weird('dns_tcp_content_gap');
    },
    datagram(_isOrig, data, ts) {
      transactions.message(data, ts);
    },
    end() {
      transactions.end();
    },
  };
}
