import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_TIME_LIMIT_MS, fuzzSteps, runFuzzSteps } from '../fuzz-harness.js';
import { DataChannelExpectations } from './expectations.js';
import { createFtpFactory } from './index.js';

const PIECES = [
  '220 FTP ready\r\n', 'USER root\r\n', 'PASS x\r\n', '331 ok\r\n', '530 no\r\n', '230-hi\r\n', ' text\r\n', '230 in\r\n',
  'PORT 1,2,3,4,5,6\r\n', 'PORT 999,1,1,1,1,1\r\n', 'EPRT |2|::1|80|\r\n', 'EPRT |9|zz|99999|\r\n', 'PASV\r\n',
  '227 Entering Passive Mode (10,0,0,1,4,1)\r\n', '229 (|||6446|)\r\n', 'RETR ../../x\r\n', 'CWD a\r\n', '250 ok\r\n',
  '150 Opening (12 bytes)\r\n', '226 done\r\n', '\r\n', 'X'.repeat(5000),
];

describe('FTP analyzer fuzz', () => {
  it('never throws and logs sane records on arbitrary streams', () => {
    fc.assert(fc.property(fuzzSteps(PIECES), (steps) => {
      const ctx = runFuzzSteps(createFtpFactory(new DataChannelExpectations()), steps);
      for (const r of ctx.stream('ftp')) {
        expect(String(r.command)).toMatch(/^[A-Z]{1,8}$/);
        if (r.data_channel_resp_p !== null) expect(Number(r.data_channel_resp_p)).toBeLessThanOrEqual(65535);
      }
      for (const w of ctx.weirds) expect(w).toMatch(/^[a-z0-9_]+$/);
    }), { interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS, numRuns: 1_000_000 });
  });
});
