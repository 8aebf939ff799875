import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_TIME_LIMIT_MS, fuzzSteps, runFuzzSteps } from '../fuzz-harness.js';
import { httpFactory } from './index.js';

const PIECES = [
  'GET / HTTP/1.1\r\n', 'POST /u HTTP/1.1\r\n', 'HEAD /h HTTP/1.0\r\n', 'HTTP/1.1 200 OK\r\n', 'HTTP/1.1 100 Continue\r\n\r\n',
  'HTTP/1.1 304 Not Modified\r\n', 'Host: a\r\n', 'Content-Length: 5\r\n', 'Content-Length: 99999999999999999999\r\n',
  'Transfer-Encoding: chunked\r\n', '\r\n', '5\r\nhello\r\n', '0\r\n\r\n', 'fffffffffffffffffff\r\n', 'zz\r\n',
  'Authorization: Basic %%%\r\n', 'Content-Disposition: attachment; filename="a.exe"\r\n', 'MZ\x90\x00',
];

describe('HTTP analyzer fuzz', () => {
  it('never throws and keeps its records sane on arbitrary streams', () => {
    fc.assert(fc.property(fuzzSteps(PIECES), (steps) => {
      const ctx = runFuzzSteps(httpFactory, steps);
      for (const r of ctx.stream('http')) {
        expect(Number(r.trans_depth)).toBeGreaterThanOrEqual(1);
        expect(Number(r.request_body_len)).toBeGreaterThanOrEqual(0);
        expect(Number(r.response_body_len)).toBeGreaterThanOrEqual(0);
      }
      for (const f of ctx.stream('files')) expect(Number(f.seen_bytes)).toBeGreaterThan(0);
      for (const w of ctx.weirds) expect(w).toMatch(/^[a-z0-9_]+$/);
    }), { interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS, numRuns: 1_000_000 });
  });
});
