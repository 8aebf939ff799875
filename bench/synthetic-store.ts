import { openStore, type Store } from '../src/store/duckdb.js';
import { allSchemas } from '../src/store/schema/index.js';

/**
 * An in-memory store with `total` connections (plus total/10 DNS and HTTP rows): 2,000 internal
 * hosts talking to 50,000 external peers on common ports, with scans, failed and long connections
 * sprinkled in, one connection in 50 with a dozen originator bursts, and one HTTP request in 20 a POST. Columns are hashes of the row number, so every run measures the same data.
 */
export async function syntheticStore(total: number): Promise<Store> {
  const store = await openStore(':memory:');
  for (const schema of allSchemas) await store.ensure(schema);
  await store.run(`INSERT INTO conn (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto, service, duration, orig_bytes, resp_bytes,
      conn_state, local_orig, local_resp, history, orig_pkts, orig_ip_bytes, resp_pkts, resp_ip_bytes, open_at_end, bursts, burst_bytes)
    SELECT 1767225600 + i * 0.0864, 'C' || i, '10.' || (hash(i, 1) % 8) || '.' || (hash(i, 2) % 250) || '.1', 1024 + hash(i, 3) % 60000,
      CASE WHEN i % 10 = 0 THEN '10.0.0.' || (hash(i, 4) % 250) ELSE (hash(i, 5) % 200 + 11) || '.' || (hash(i, 6) % 250) || '.' || (hash(i, 7) % 250) || '.9' END,
      [80, 443, 53, 22, 25, 8080, 3389, 445][(hash(i, 8) % 8)::BIGINT + 1] + CASE WHEN i % 97 = 0 THEN hash(i, 9) % 1000 ELSE 0 END,
      CASE WHEN i % 5 = 0 THEN 'udp' ELSE 'tcp' END, NULL,
      CASE WHEN i % 50000 = 0 THEN 7200 ELSE (hash(i, 10) % 5000) / 100.0 END,
      CASE WHEN i % 13 = 0 THEN 0 ELSE hash(i, 11) % 5000 END, CASE WHEN i % 13 = 0 THEN 0 ELSE hash(i, 12) % 50000 END,
      CASE WHEN i % 13 = 0 THEN 'S0' ELSE 'SF' END, true, i % 10 = 0, CASE WHEN i % 13 = 0 THEN 'S' ELSE 'ShADadFf' END,
      5, 500, 5, 5000, false,
      CASE WHEN i % 50 = 7 THEN list_transform(range(12), k -> k * 15.0 + hash(i, k) % 1000 / 100.0) END,
      CASE WHEN i % 50 = 7 THEN list_transform(range(12), k -> 60 + hash(i, k) % 400) END
    FROM range(${total}) t(i)`);
  await store.run(`INSERT INTO dns (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto, query, qtype, registered_domain)
    SELECT 1767225600 + i * 0.864, 'D' || i, '10.0.' || (hash(i, 1) % 250) || '.1', 40000, '10.0.0.53', 53, 'udp',
      'h' || (hash(i, 2) % 5000) || '.site' || (hash(i, 3) % 3000) || '.com', 1, 'site' || (hash(i, 3) % 3000) || '.com' FROM range(${total / 10}) t(i)`);
  await store.run(`INSERT INTO http (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, method, host, uri)
    SELECT 1767225600 + i * 0.864, 'C' || (i * 3), '10.0.' || (hash(i, 1) % 250) || '.1', 40000, '93.184.216.34', 80, CASE WHEN i % 20 = 0 THEN 'POST' ELSE 'GET' END,
      'www' || (hash(i, 2) % 2000) || '.example.com', '/page/' || (hash(i, 3) % 10000) || '?q=' || (hash(i, 4) % 100) FROM range(${total / 10}) t(i)`);
  return store;
}
