import type { AnalyzerContext, AnalyzerFactory, AppAnalyzer } from '../analyzer.js';
import { FileTracker } from '../file-tracker.js';

/**
 * An FTP data connection (announced on its control channel): each direction
 * that carries bytes is one file, hashed into files.log (source FTP_DATA).
 */
export class FtpDataAnalyzer implements AppAnalyzer {
  private readonly files: [FileTracker | null, FileTracker | null] = [null, null];

  constructor(private readonly ctx: AnalyzerContext) {}

  deliver(isOrig: boolean, data: Uint8Array, ts: number): number {
    const side = isOrig ? 0 : 1;
    this.files[side] ??= new FileTracker(this.ctx, { source: 'FTP_DATA', isOrig, transaction: 0, totalBytes: null, filename: null }, ts);
    this.files[side].data(data, ts);
    return data.length;
  }

  gap(isOrig: boolean, length: number, _ts: number): void {
    this.files[isOrig ? 0 : 1]?.gap(length);
  }

  datagram(_isOrig: boolean, _data: Uint8Array, _ts: number): void {
    this.ctx.weird('ftp_data_unexpected_datagram');
  }

  end(_ts: number): void {
    for (const file of this.files) file?.finish();
  }
}

/**
 * Analyzer of FTP data connections. Never chosen by content or port: the
 * dispatcher attaches it to connections its FTP control channels announced.
 */
export const ftpDataFactory: AnalyzerFactory = {
  name: 'ftp-data',
  transport: 'tcp',
  ports: [],
  detect: () => 'no',
  create: (ctx) => new FtpDataAnalyzer(ctx),
};
