import type { AnalyzerFactory } from './analyzer.js';
import { dnsTcpAnalyzer, dnsUdpAnalyzer } from './dns/index.js';
import type { DataChannelExpectations } from './ftp/expectations.js';
import { createFtpFactory } from './ftp/index.js';
import { httpFactory } from './http/index.js';
import { sshFactory } from './ssh/index.js';
import { tlsAnalyzer } from './tls/index.js';

/**
 * Every analyzer Tracer ships, in detection order: the most specific
 * signatures first (SSH banner, HTTP method, FTP greeting, TLS ClientHello),
 * DNS — whose header check is the loosest — last.
 */
export function defaultFactories(expectations: DataChannelExpectations | null): AnalyzerFactory[] {
  return [sshFactory, httpFactory, createFtpFactory(expectations), tlsAnalyzer, dnsTcpAnalyzer, dnsUdpAnalyzer];
}
