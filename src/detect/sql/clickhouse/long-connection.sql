-- ClickHouse version of ../long-connection.sql (same rows, same order).
-- bool: open_at_end
SELECT uid AS key, id_orig_h AS src, [id_resp_h] AS dst, ts AS first_seen, ts + coalesce(c.duration, 0) AS last_seen,
  least(1.0, coalesce(c.duration, 0) / (12 * 3600.0)) AS score,
  uid, proto, id_resp_p AS port, service, coalesce(c.duration, 0) AS duration, coalesce(orig_bytes, 0) + coalesce(resp_bytes, 0) AS bytes,
  coalesce(c.open_at_end, 0) AS open_at_end, [uid] AS uids
FROM conn AS c
WHERE coalesce(c.duration, 0) >= $min_seconds OR (coalesce(c.open_at_end, 0) AND coalesce(c.duration, 0) >= $open_min_seconds)
ORDER BY first_seen, key
