import type { AnalyzerContext, AnalyzerFactory, AppAnalyzer } from '../analyzer.js';
import { detectTls } from './detect.js';
import { TlsSession } from './state.js';

/** TLS over TCP (ssl.log, x509.log): detected by a ClientHello record on any port. */
export const tlsAnalyzer: AnalyzerFactory = {
  name: 'ssl',
  transport: 'tcp',
  ports: [443, 465, 636, 853, 993, 995, 8443],
  detect: detectTls,
  create: createTlsAnalyzer,
};

function createTlsAnalyzer(ctx: AnalyzerContext): AppAnalyzer {
  const session = new TlsSession(ctx);
  return {
    deliver: (isOrig, data, ts) => session.deliver(isOrig, data, ts),
    gap: (isOrig) => session.gap(isOrig),
    datagram: () => ctx.weird('tls_over_udp_ignored'),
    end: () => session.end(),
  };
}
