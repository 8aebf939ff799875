import type { AnalyzerFactory } from '../analyzer.js';
import { findLineEnd, latin1 } from '../bytes.js';
import { FtpAnalyzer } from './analyzer.js';
import type { DataChannelExpectations } from './expectations.js';

/** Bytes examined to decide: a greeting or first command line. */
const DETECT_BYTES = 256;

/**
 * Says whether the first line of a direction is FTP: a client's USER, or a
 * server's 220 greeting that names FTP (SMTP greets with 220 too, so a bare
 * 220 is left to the port hint).
 */
export function detectFtp(isOrig: boolean, first: Uint8Array): 'yes' | 'no' | 'more' {
  const lf = findLineEnd(first, 0, DETECT_BYTES);
  if (lf < 0) return first.length < DETECT_BYTES ? 'more' : 'no';
  const line = latin1(first, 0, lf);
  if (isOrig) return /^USER [^\r\n]/i.test(line) ? 'yes' : 'no';
  return /^220[ -].*ftp/i.test(line) && !/smtp/i.test(line) ? 'yes' : 'no';
}

/**
 * The FTP analyzer factory (service `ftp`); data channels it sees announced
 * are recorded in `expectations` so the dispatcher can mark them `ftp-data`.
 */
export function createFtpFactory(expectations: DataChannelExpectations | null): AnalyzerFactory {
  return {
    name: 'ftp',
    transport: 'tcp',
    ports: [21],
    detect: detectFtp,
    create: (ctx) => new FtpAnalyzer(ctx, expectations),
  };
}
