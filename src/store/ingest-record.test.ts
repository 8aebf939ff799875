import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, recordIngest, type IngestInfo, type Store } from './duckdb.js';

const info: IngestInfo = {
  name: 'a.pcap', path: '/cases/a.pcap', sha256: 'ab'.repeat(32), fileBytes: 1234, compressed: false, format: 'pcap',
  packets: 20, firstTs: 1551120432.5, lastTs: 1551120433.25, linkTypes: [1, 113], anomalies: { ip_truncated: 2 },
  problems: 1, truncated: true, tracerVersion: '0.1.0', started: '2026-01-01T00:00:00.000Z',
  finished: '2026-01-01T00:00:01.000Z', parameters: { appLayer: true },
};

describe('recordIngest', () => {
  let store: Store;
  beforeEach(async () => { store = await openStore(':memory:'); });
  afterEach(async () => { await store.close(); });

  it('numbers ingests from 1 and stores every field', async () => {
    expect(await recordIngest(store, info)).toBe(1);
    expect(await recordIngest(store, { ...info, name: 'b.pcap', firstTs: null, lastTs: null })).toBe(2);
    const rows = await store.all('SELECT * FROM ingests ORDER BY id');
    expect(rows[0]).toEqual({
      id: 1, input: 'a.pcap', path: '/cases/a.pcap', sha256: 'ab'.repeat(32), file_bytes: 1234, compressed: false,
      format: 'pcap', packets: 20, first_ts: 1551120432.5, last_ts: 1551120433.25, link_types: [1, 113],
      anomalies: '{"ip_truncated":2}', problems: 1, truncated: true, tracer_version: '0.1.0',
      started: '2026-01-01T00:00:00.000Z', finished: '2026-01-01T00:00:01.000Z', parameters: '{"appLayer":true}',
    });
    expect(rows[1].first_ts).toBeNull();
  });
});
