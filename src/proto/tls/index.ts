import type { AnalyzerContext, AnalyzerFactory, AppAnalyzer } from '../analyzer.js';
import { detectTls } from './detect.js';
import { DEFAULT_X509_RELOG_SECONDS } from './limits.js';
import { TlsSession } from './state.js';
import { X509LogDedup } from './x509-dedup.js';

/** What the TLS analyzer may be told. */
export interface TlsOptions {
  /**
   * Seconds before x509.log repeats a certificate already logged (Zeek's
   * X509::relog_known_certificates_after); default one day, 0 logs every
   * certificate of every connection.
   */
  x509RelogAfter?: number;
}

/**
 * A TLS-over-TCP analyzer factory (ssl.log, x509.log), detected by a
 * ClientHello record on any port. Its connections share one x509.log
 * de-duplication, so make one factory per ingest.
 * @example createAppLayer({ emit, factories: [createTlsFactory({ x509RelogAfter: 0 })] })
 */
export function createTlsFactory(options: TlsOptions = {}): AnalyzerFactory {
  const dedup = new X509LogDedup(options.x509RelogAfter ?? DEFAULT_X509_RELOG_SECONDS);
  return {
    name: 'ssl',
    transport: 'tcp',
    ports: [443, 465, 636, 853, 993, 995, 8443],
    detect: detectTls,
    create: (ctx) => createTlsAnalyzer(ctx, dedup),
  };
}

/** TLS without x509.log de-duplication: every certificate of every connection (tests compare per connection). */
export const tlsAnalyzer: AnalyzerFactory = createTlsFactory({ x509RelogAfter: 0 });

function createTlsAnalyzer(ctx: AnalyzerContext, dedup: X509LogDedup): AppAnalyzer {
  const session = new TlsSession(ctx, dedup);
  return {
    deliver: (isOrig, data, ts) => session.deliver(isOrig, data, ts),
    gap: (isOrig) => session.gap(isOrig),
    datagram: () => ctx.weird('tls_over_udp_ignored'),
    end: () => session.end(),
  };
}
