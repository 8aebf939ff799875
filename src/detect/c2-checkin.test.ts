import { describe, expect, it } from 'vitest';
import { c2Checkin } from './c2-checkin.js';
import { DEFAULT_CONFIG } from './config.js';
import { runSqlDetector } from './sql-detector.js';
import { storeWith, T0 } from './testing/store.js';
import type { LogRecord } from '../store/schema/types.js';

const params = DEFAULT_CONFIG.detectors.c2_checkin;

/** An HTTP request from 10.0.0.5 to 203.0.113.7 (c2.example), a bare POST unless `over` says otherwise. */
function request(i: number, over: Partial<LogRecord> = {}): LogRecord {
  return {
    ts: T0 + i * 17.3, uid: `H${i}`, id_orig_h: '10.0.0.5', id_orig_p: 50000 + i, id_resp_h: '203.0.113.7', id_resp_p: 80,
    method: 'POST', host: 'c2.example', uri: `/gate.php?id=${i}`, referrer: null, request_body_len: 130 + i, response_body_len: 14, ...over,
  };
}

async function alertsFor(http: LogRecord[]) {
  const store = await storeWith({ http });
  try {
    return await runSqlDetector(store, c2Checkin, params);
  } finally {
    await store.close();
  }
}

describe('c2_checkin detector', () => {
  it('flags three bare POSTs of one size to one script', async () => {
    const [alert, ...rest] = await alertsFor([0, 1, 2].map((i) => request(i)));
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ detector: 'c2_checkin', src: '10.0.0.5', dst: ['203.0.113.7'], severity: 'low' });
    expect(alert.evidence).toMatchObject({ host: 'c2.example', path: '/gate.php', requests: 3, uids: ['H0', 'H1', 'H2'] });
  });

  it('ignores browsing: a Referer, a GET of the same server, a second path, two requests only', async () => {
    expect(await alertsFor([request(0), request(1), request(2, { referrer: 'http://c2.example/' })])).toEqual([]);
    expect(await alertsFor([request(0), request(1), request(2), request(3, { method: 'GET', request_body_len: 0 })])).toEqual([]);
    expect(await alertsFor([request(0), request(1), request(2, { uri: '/other.php' })])).toEqual([]);
    expect(await alertsFor([request(0), request(1)])).toEqual([]);
  });

  it('ignores OCSP and bodies of very different sizes', async () => {
    expect(await alertsFor([0, 1, 2].map((i) => request(i, { orig_mime_types: ['application/ocsp-request'] })))).toEqual([]);
    expect(await alertsFor([0, 1, 2].map((i) => request(i, { request_body_len: 100 * (i + 1) ** 3 })))).toEqual([]);
  });
});
