import type { AnalyzerFactory } from './analyzer.js';
import { dnsTcpAnalyzer, dnsUdpAnalyzer } from './dns/index.js';
import type { DataChannelExpectations } from './ftp/expectations.js';
import { createFtpFactory } from './ftp/index.js';
import { httpFactory } from './http/index.js';
import { sshFactory } from './ssh/index.js';
import { createTlsFactory } from './tls/index.js';

/**
 * Every analyzer Tracer ships, in detection order: the most specific
 * signatures first (SSH banner, HTTP method, FTP greeting, TLS ClientHello),
 * DNS — whose header check is the loosest — last. Fresh per call: the TLS
 * factory carries the ingest's x509.log de-duplication.
 */
export function defaultFactories(expectations: DataChannelExpectations | null): AnalyzerFactory[] {
  return [sshFactory, httpFactory, createFtpFactory(expectations), createTlsFactory(), dnsTcpAnalyzer, dnsUdpAnalyzer];
}
