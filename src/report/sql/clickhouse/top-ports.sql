-- ClickHouse version of ../top-ports.sql (same rows, same order).
SELECT id_resp_p AS port, proto, count() AS connections, uniqExact(id_orig_h) AS sources,
  sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) AS bytes,
  countIf(conn_state IN ('S0', 'REJ', 'RSTOS0', 'OTH')) AS unanswered
FROM conn WHERE id_resp_p IS NOT NULL GROUP BY id_resp_p, proto ORDER BY connections DESC, port, proto LIMIT $limit
