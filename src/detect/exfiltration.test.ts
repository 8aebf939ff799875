import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import { exfiltration } from './exfiltration.js';
import { runSqlDetector } from './sql-detector.js';
import { conn, storeWith } from './testing/store.js';

const params = DEFAULT_CONFIG.detectors.exfiltration;

describe('exfiltration detector', () => {
  it('fires on 4 MB out and little in to an external host', async () => {
    const store = await storeWith({ conn: [conn({ uid: 'X', id_resp_h: '198.51.100.23', local_resp: false, orig_bytes: 4_000_000, resp_bytes: 6000 })] });
    const [alert] = await runSqlDetector(store, exfiltration, params);
    expect(alert.dst).toEqual(['198.51.100.23']);
    expect(alert.evidence).toMatchObject({ bytes_out: 4_000_000, bytes_in: 6000, local_dst: false });
    await store.close();
  });

  it('does not fire on a balanced transfer, nor on an upload to a busy internal server', async () => {
    const store = await storeWith({ conn: [
      conn({ uid: 'SYNC', id_resp_h: '198.51.100.23', local_resp: false, orig_bytes: 4_000_000, resp_bytes: 3_000_000 }),
      conn({ uid: 'BACKUP', id_orig_h: '10.0.0.5', id_resp_h: '10.0.0.200', orig_bytes: 50_000_000, resp_bytes: 1000 }),
      conn({ uid: 'OTHER', id_orig_h: '10.0.0.6', id_resp_h: '10.0.0.200' }),
    ] });
    expect(await runSqlDetector(store, exfiltration, params)).toEqual([]);
    await store.close();
  });
});
