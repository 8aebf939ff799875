import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { recordingContext } from '../recording-context.js';
import { HttpAnalyzer } from './analyzer.js';
import { detectHttp } from './detect.js';
import { MAX_HEAD_BYTES } from './limits.js';

const enc = (s: string) => new TextEncoder().encode(s);

function run(exchanges: Array<[boolean, string]>) {
  const ctx = recordingContext();
  const a = new HttpAnalyzer(ctx);
  let ts = 1;
  for (const [isOrig, text] of exchanges) a.deliver(isOrig, enc(text), ts++);
  a.end(ts);
  return ctx;
}

describe('HttpAnalyzer', () => {
  it('pairs pipelined requests with responses and reads content-length and chunked bodies', () => {
    const ctx = run([
      [true, 'GET /a HTTP/1.1\r\nHost: h\r\nUser-Agent: ua\r\nReferer: r\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n'],
      [false, 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello'],
      [false, 'HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nX-T: 1\r\n\r\n'],
    ]);
    const http = ctx.stream('http');
    expect(http.map((r) => [r.trans_depth, r.method, r.uri, r.status_code, r.response_body_len])).toEqual([
      [1, 'GET', '/a', 200, 5], [2, 'GET', '/b', 404, 5],
    ]);
    expect(http[0]).toMatchObject({ host: 'h', user_agent: 'ua', referrer: 'r', version: '1.1', status_msg: 'OK' });
    const files = ctx.stream('files');
    expect(files).toHaveLength(2);
    expect(files[0].md5).toBe(createHash('md5').update('hello').digest('hex'));
    expect(files[1].sha256).toBe(createHash('sha256').update('abcde').digest('hex'));
    expect(http[1].resp_fuids).toEqual([files[1].fuid]);
    expect(ctx.weirds).toEqual([]);
    expect(ctx.services).toEqual(['http']);
  });

  it('hashes gzip bodies decoded, as Zeek does, and names a body that does not decode', () => {
    const page = '<html>' + 'x'.repeat(3000) + '</html>';
    const gz = gzipSync(page);
    const ctx = recordingContext();
    const a = new HttpAnalyzer(ctx);
    a.deliver(true, enc('GET / HTTP/1.1\r\n\r\nGET /bad HTTP/1.1\r\n\r\n'), 1);
    a.deliver(false, Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ${gz.length}\r\n\r\n`), gz]), 2);
    a.deliver(false, enc('HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nnope'), 3);
    a.end(4);
    expect(ctx.stream('http').map((r) => r.response_body_len)).toEqual([page.length, 4]);
    expect(ctx.stream('files').map((f) => f.md5)).toEqual([createHash('md5').update(page).digest('hex'), createHash('md5').update('nope').digest('hex')]);
    expect(ctx.stream('files')[0]).toMatchObject({ mime_type: 'text/html', seen_bytes: page.length });
    expect(ctx.weirds).toEqual(['http_content_decode_failed']);
  });

  it('names a huge head and a huge chunk size, and skips that direction until a message starts', () => {
    const ctx = run([
      [true, 'GET / HTTP/1.1\r\nX: ' + 'a'.repeat(MAX_HEAD_BYTES) + '\r\n\r\n'],
    ]);
    expect(ctx.weirds).toEqual(['http_head_too_long']);
    const chunked = run([
      [true, 'GET / HTTP/1.1\r\n\r\n'],
      [false, 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nffffffffffffffffff\r\nxyz'],
    ]);
    expect(chunked.weirds).toEqual(['http_chunk_size_too_large']);
    expect(chunked.stream('http')).toMatchObject([{ status_code: 200, response_body_len: 3 }]);
  });

  it('keeps 1xx as info, applies HEAD/304 no-body rules, reads a body until close', () => {
    const ctx = run([
      [true, 'POST /u HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\nAuthorization: Basic dXNlcjpzZWNyZXQ=\r\n\r\n'],
      [false, 'HTTP/1.1 100 Continue\r\n\r\n'],
      [true, 'abc'],
      [false, 'HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n'],
      [true, 'HEAD / HTTP/1.1\r\n\r\nGET /x HTTP/1.1\r\n\r\nGET /y HTTP/1.0\r\n\r\n'],
      [false, 'HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\nHTTP/1.1 304 Not Modified\r\n\r\nHTTP/1.0 200 OK\r\n\r\n<html>until close'],
    ]);
    const http = ctx.stream('http');
    expect(http.map((r) => [r.method, r.status_code, r.request_body_len, r.response_body_len])).toEqual([
      ['POST', 201, 3, 0], ['HEAD', 200, 0, 0], ['GET', 304, 0, 0], ['GET', 200, 0, 17],
    ]);
    expect(http[0]).toMatchObject({ info_code: 100, info_msg: 'Continue', username: 'user' });
    expect(JSON.stringify(http)).not.toContain('secret');
    expect(http[3].resp_mime_types).toEqual(['text/html']);
  });

  it('logs the Basic-auth password only when capture is asked for (Zeek\'s default_capture_password)', () => {
    const request = `GET /?id=1%20UNION%20SELECT%201 HTTP/1.1\r\nAuthorization: Basic ${Buffer.from('bob:pa:ss').toString('base64')}\r\n\r\n`;
    const logged = (options?: { capturePassword: boolean }) => {
      const ctx = recordingContext();
      const a = new HttpAnalyzer(ctx, options);
      a.deliver(true, enc(request), 1);
      a.end(2);
      return ctx.stream('http')[0];
    };
    expect(logged()).toMatchObject({ username: 'bob', password: null, tags: ['URI_SQLI'] });
    expect(logged({ capturePassword: true })).toMatchObject({ username: 'bob', password: 'pa:ss' });
    expect(logged({ capturePassword: false }).password).toBeNull();
  });

  it('logs unanswered requests at the end and names malformed heads', () => {
    const ctx = run([[true, 'GET /only HTTP/1.1\r\n\r\n'], [false, 'garbage\r\n\r\n']]);
    expect(ctx.stream('http')).toMatchObject([{ uri: '/only', status_code: null }]);
    expect(ctx.weirds).toEqual(['http_bad_status_line']);
  });

  it('waits for a head split across deliveries and counts body gaps as missing bytes', () => {
    const ctx = recordingContext();
    const a = new HttpAnalyzer(ctx);
    const part = enc('GET / HTTP/1.1\r\nHo');
    expect(a.deliver(true, part, 1)).toBe(0);
    expect(a.deliver(true, enc('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), 1)).toBe(27);
    a.deliver(false, enc('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'), 2);
    a.gap(false, 4, 2);
    a.deliver(false, enc('xyz'), 3);
    a.end(4);
    expect(ctx.stream('http')).toMatchObject([{ response_body_len: 6 }]);
    expect(ctx.stream('files')).toMatchObject([{ seen_bytes: 6, missing_bytes: 4, total_bytes: 10, md5: null }]);
  });
});

describe('HttpAnalyzer resynchronisation', () => {
  it('picks a direction up again at the next message after a gap or broken framing', () => {
    const ctx = recordingContext();
    const a = new HttpAnalyzer(ctx);
    a.deliver(true, enc('GET /one HTTP/1.1\r\nHo'), 1);
    a.gap(true, 100, 1);
    a.deliver(true, enc('st: lost\r\n\r\nGET /two HTTP/1.1\r\n\r\nGET /three HTTP/1.1\r\n\r\n'), 2);
    a.deliver(false, enc('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'), 3);
    a.deliver(false, enc('junk\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'), 4);
    a.end(5);
    expect(ctx.stream('http').map((r) => [r.uri, r.status_code])).toEqual([['/two', 200], ['/three', 404]]);
    expect(ctx.weirds).toEqual(['http_resynchronised', 'http_bad_chunk_size', 'http_resynchronised']);
  });

  it('never parses what follows CONNECT or 101 Switching Protocols', () => {
    const ctx = run([
      [true, 'GET /ws HTTP/1.1\r\nUpgrade: websocket\r\n\r\n'],
      [false, 'HTTP/1.1 101 Switching Protocols\r\n\r\n'],
      [true, 'GET /not-http-anymore HTTP/1.1\r\n\r\n'],
    ]);
    expect(ctx.stream('http').map((r) => [r.uri, r.status_code])).toEqual([['/ws', 101]]);
  });
});

describe('detectHttp', () => {
  it('recognises requests and responses by content', () => {
    expect(detectHttp(true, enc('GET / HTTP/1.1'))).toBe('yes');
    expect(detectHttp(true, enc('PROP'))).toBe('more');
    expect(detectHttp(true, enc('SSH-2.0-x'))).toBe('no');
    expect(detectHttp(false, enc('HTTP/1.1 200'))).toBe('yes');
    expect(detectHttp(false, enc('HTT'))).toBe('more');
  });
});
