import { describe, expect, it } from 'vitest';
import { recordingContext } from '../recording-context.js';
import { FtpAnalyzer } from './analyzer.js';
import { DataChannelExpectations } from './expectations.js';
import { detectFtp } from './index.js';
import { MAX_LINE_BYTES } from './limits.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('FtpAnalyzer', () => {
  it('pairs commands with final replies across multi-line and preliminary replies, hiding passwords', () => {
    const ctx = recordingContext();
    const expectations = new DataChannelExpectations();
    const a = new FtpAnalyzer(ctx, expectations);
    a.deliver(false, enc('220 FTP ready\r\n'), 1);
    a.deliver(true, enc('USER alice\r\nPASS s3cret\r\n'), 2);
    a.deliver(false, enc('331 Password required\r\n230-Welcome\r\n banner text\r\n230 Logged in\r\n'), 3);
    a.deliver(true, enc('CWD pub\r\nPORT 10,0,0,1,4,1\r\nRETR ../a.bin\r\n'), 4);
    a.deliver(false, enc('250 OK\r\n200 PORT ok\r\n150 Opening (1234 bytes)\r\n226 Done\r\n'), 5);
    a.deliver(true, enc('STOR x\r\n'), 6);
    a.end(7);
    const ftp = ctx.stream('ftp');
    expect(ftp.map((r) => [r.command, r.arg, r.reply_code, r.reply_msg])).toEqual([
      ['USER', 'alice', 331, 'Password required'], ['PASS', '<hidden>', 230, 'Logged in'], ['CWD', 'pub', 250, 'OK'],
      ['PORT', '10,0,0,1,4,1', 200, 'PORT ok'], ['RETR', 'ftp://10.0.0.2/a.bin', 226, 'Done'], ['STOR', 'ftp://10.0.0.2/pub/x', null, null],
    ]);
    expect(ftp[4]).toMatchObject({ user: 'alice', password: '<hidden>', file_size: 1234 });
    expect(ftp[3]).toMatchObject({ data_channel_passive: false, data_channel_orig_h: '10.0.0.2', data_channel_resp_h: '10.0.0.1', data_channel_resp_p: 1025 });
    expect(JSON.stringify(ftp)).not.toContain('s3cret');
    expect(ctx.services).toEqual(['ftp']);
    expect(expectations.take('10.0.0.2', '10.0.0.1', 1025, 10)).toBe(true);
    expect(expectations.take('10.0.0.2', '10.0.0.1', 1025, 10)).toBe(false);
  });

  it('names an over-long line, skips it and resumes at the next line', () => {
    const ctx = recordingContext();
    const a = new FtpAnalyzer(ctx, null);
    expect(a.deliver(true, enc('X'.repeat(MAX_LINE_BYTES + 1)), 1)).toBe(MAX_LINE_BYTES + 1);
    a.deliver(true, enc('tail\r\nNOOP\r\n'), 2);
    a.deliver(false, enc('200 ok\r\n'), 3);
    a.end(4);
    expect(ctx.weirds).toEqual(['ftp_line_too_long']);
    expect(ctx.stream('ftp').map((r) => r.command)).toEqual(['NOOP']);
  });

  it('drops the partial line after a gap', () => {
    const ctx = recordingContext();
    const a = new FtpAnalyzer(ctx, null);
    a.deliver(true, enc('NO'), 1);
    a.gap(true, 10, 1);
    a.deliver(true, enc('OP\r\nSYST\r\n'), 2);
    a.end(3);
    expect(ctx.stream('ftp').map((r) => r.command)).toEqual(['SYST']);
  });
});

describe('detectFtp', () => {
  it('accepts USER and FTP greetings, leaves SMTP alone', () => {
    expect(detectFtp(true, enc('USER bob\r\n'))).toBe('yes');
    expect(detectFtp(false, enc('220 ProFTPD Server ready\r\n'))).toBe('yes');
    expect(detectFtp(false, enc('220 mail ESMTP Postfix\r\n'))).toBe('no');
    expect(detectFtp(false, enc('220 (vsFTPd'))).toBe('more');
  });
});
