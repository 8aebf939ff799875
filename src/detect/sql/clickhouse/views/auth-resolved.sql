-- ClickHouse version of ../../views/auth-resolved.sql: the row id is (_batch, _row); the join takes
-- the equalities and the time window is a filter; ties go to the connection stored first. Only the
-- connections from an address and port in the auth log are joined (ClickHouse hashes the right side).
WITH matched AS (
  SELECT a._batch AS rid_batch, a._row AS rid_row, any(a.host) AS rid_host,
    argMin(c.c_server, (abs(c.c_ts - a.ts), c.c_batch, c.c_row)) AS m_server, argMin(c.c_uid, (abs(c.c_ts - a.ts), c.c_batch, c.c_row)) AS m_uid
  FROM auth AS a
  ALL INNER JOIN (
    SELECT id_orig_h AS c_orig, id_orig_p AS c_port, ts AS c_ts, coalesce(duration, 0) AS c_duration, id_resp_h AS c_server, uid AS c_uid, _batch AS c_batch, _row AS c_row
    FROM conn WHERE id_orig_h IS NOT NULL AND id_orig_p IS NOT NULL AND (id_orig_h, id_orig_p) IN (SELECT src_ip, src_port FROM auth)
  ) AS c ON a.src_ip = c.c_orig AND a.src_port = c.c_port
  WHERE a.ts >= c.c_ts - 60 AND a.ts <= c.c_ts + c.c_duration + 60
  GROUP BY a._batch, a._row
),
host_counts AS (
  SELECT rid_host AS h_host, m_server AS h_server, count() AS h_n, min((rid_batch, rid_row)) AS h_first
  FROM matched WHERE rid_host IS NOT NULL GROUP BY rid_host, m_server
),
host_address AS (
  SELECT h_host, argMin(h_server, (-h_n, h_first)) AS h_address FROM host_counts GROUP BY h_host
),
with_match AS (
  SELECT * FROM auth AS a
  ANY LEFT JOIN (SELECT rid_batch, rid_row, m_server, m_uid FROM matched) AS m ON a._batch = m.rid_batch AND a._row = m.rid_row
)
SELECT ts, host, service, pid, event, user, invalid_user, src_ip, src_port, method, logon_type, count, raw_line, source_file, source_line,
  coalesce(m_server, h_address, host) AS server, m_uid AS uid,
  multiIf(event LIKE 'failed\\_%' OR event = 'logon_failure', 'failure',
    event LIKE 'accepted\\_%' OR (event = 'logon_success' AND logon_type IN (3, 10)), 'success', NULL) AS outcome,
  _batch, _row
FROM with_match AS w
ANY LEFT JOIN host_address AS h ON w.host = h.h_host
