import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import { longConnection } from './long-connection.js';
import { runSqlDetector } from './sql-detector.js';
import { conn, storeWith } from './testing/store.js';

describe('long connection detector', () => {
  it('buckets durations as RITA (1/4/8/12 h) and reports connections open at the end', async () => {
    const store = await storeWith({ conn: [
      conn({ uid: 'H13', duration: 13 * 3600 }), conn({ uid: 'H5', duration: 5 * 3600 }), conn({ uid: 'M59', duration: 3599 }),
      conn({ uid: 'OPEN', duration: 900, open_at_end: true }), conn({ uid: 'SHORTOPEN', duration: 30, open_at_end: true }),
    ] });
    const alerts = await runSqlDetector(store, longConnection, DEFAULT_CONFIG.detectors.long_connection);
    expect(alerts.map((a) => [a.evidence.uid, a.severity]).sort()).toEqual([['H13', 'high'], ['H5', 'low'], ['OPEN', 'info']]);
    expect(alerts.find((a) => a.evidence.uid === 'OPEN')?.explanation).toContain('still open');
    await store.close();
  });
});
