import type { AnalyzerContext, AppAnalyzer } from '../analyzer.js';
import { findLineEnd, latin1, lineTextEnd } from '../bytes.js';
import { activeChannel, passiveChannel } from './data-channel.js';
import type { DataChannelExpectations } from './expectations.js';
import { MAX_LINE_BYTES, MAX_REPLY_LINES } from './limits.js';
import { FtpSession } from './session.js';

/** Streaming FTP control-channel analyzer: ftp.log and data-channel expectations. */
export class FtpAnalyzer implements AppAnalyzer {
  private readonly session: FtpSession;
  /** Per direction (0 client, 1 server): skipping the rest of an over-long or gapped line. */
  private readonly skipping = [false, false];
  /** Code of the multi-line reply being read, or 0. */
  private replyCode = 0;
  private replyLines = 0;

  constructor(private readonly ctx: AnalyzerContext, private readonly expectations: DataChannelExpectations | null) {
    this.session = new FtpSession(ctx);
  }

  deliver(isOrig: boolean, data: Uint8Array, ts: number): number {
    const side = isOrig ? 0 : 1;
    let pos = 0;
    for (let line = 0; line <= data.length && pos < data.length; line++) {
      const lf = findLineEnd(data, pos, MAX_LINE_BYTES);
      if (lf < 0) {
        if (data.length - pos < MAX_LINE_BYTES && !this.skipping[side]) return pos;
        if (!this.skipping[side]) this.ctx.weird('ftp_line_too_long');
        this.skipping[side] = true;
        return data.length;
      }
      if (this.skipping[side]) this.skipping[side] = false;
      else if (isOrig) this.request(latin1(data, pos, lineTextEnd(data, pos, lf)), ts);
      else this.reply(latin1(data, pos, lineTextEnd(data, pos, lf)), ts);
      pos = lf + 1;
    }
    return pos;
  }

  /** After lost bytes, the partial line is dropped and parsing resumes at the next line. */
  gap(isOrig: boolean, _length: number, _ts: number): void {
    this.skipping[isOrig ? 0 : 1] = true;
    if (!isOrig) this.replyCode = 0;
  }

  datagram(_isOrig: boolean, _data: Uint8Array, _ts: number): void {
    this.ctx.weird('ftp_unexpected_datagram');
  }

  end(_ts: number): void {
    for (const cmd of this.session.pending) this.session.log(cmd, null, null);
    this.session.pending.length = 0;
  }

  private request(line: string, ts: number): void {
    const space = line.indexOf(' ');
    const command = (space < 0 ? line : line.slice(0, space)).toUpperCase();
    if (!/^[A-Z]{1,8}$/.test(command)) {
      this.ctx.weird('ftp_bad_command');
      return;
    }
    const cmd = this.session.command(ts, command, space < 0 ? '' : line.slice(space + 1));
    if (command === 'PORT' || command === 'EPRT') {
      cmd.dataChannel = activeChannel(command, cmd.arg, this.ctx);
      if (cmd.dataChannel === null) this.ctx.weird('ftp_bad_port');
      else this.expectations?.add(cmd.dataChannel, ts);
    }
  }

  private reply(line: string, ts: number): void {
    const m = /^(\d{3})([ -]?)(.*)$/.exec(line);
    if (this.replyCode !== 0) {
      const last = m !== null && Number(m[1]) === this.replyCode && m[2] !== '-';
      if (!last && ++this.replyLines < MAX_REPLY_LINES) return;
      if (!last) this.ctx.weird('ftp_reply_too_many_lines');
      this.replyCode = 0;
    } else if (m === null) {
      this.ctx.weird('ftp_bad_reply');
      return;
    } else if (m[2] === '-') {
      this.replyCode = Number(m[1]);
      this.replyLines = 1;
      return;
    }
    this.finalReply(m === null ? 0 : Number(m[1]), m === null ? line : m[3], ts);
  }

  private finalReply(code: number, msg: string, ts: number): void {
    const cmd = this.session.pending[0];
    if (cmd === undefined) {
      if (code !== 220 && code !== 120 && code !== 421) this.ctx.weird('ftp_reply_without_command');
      return;
    }
    if (code >= 100 && code < 200) {
      const size = /\((\d{1,15}) bytes\)/.exec(msg);
      if (size !== null) cmd.fileSize = Number(size[1]);
      return;
    }
    this.session.pending.shift();
    this.ctx.setService('ftp');
    if (code === 227 || code === 229) {
      cmd.dataChannel = passiveChannel(code, msg, this.ctx);
      if (cmd.dataChannel !== null) this.expectations?.add(cmd.dataChannel, ts);
    }
    if (code === 213 && cmd.command === 'SIZE' && /^\d{1,15}$/.test(msg.trim())) cmd.fileSize = Number(msg.trim());
    if (code === 250 && (cmd.command === 'CWD' || cmd.command === 'CDUP')) this.session.changedDirectory(cmd);
    this.session.log(cmd, code, msg);
  }
}
