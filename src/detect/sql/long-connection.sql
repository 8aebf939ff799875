-- Long connections (RITA): duration at least $min_seconds (buckets 1/4/8/12 h are set by the caller's
-- severity), or still open when the capture ended and already $open_min_seconds long.
SELECT uid AS key, id_orig_h AS src, [id_resp_h] AS dst, ts AS first_seen, ts + coalesce(duration, 0) AS last_seen,
  least(1.0, coalesce(duration, 0) / (12 * 3600.0)) AS score,
  uid, proto, id_resp_p AS port, service, coalesce(duration, 0) AS duration, coalesce(orig_bytes, 0) + coalesce(resp_bytes, 0) AS bytes,
  coalesce(open_at_end, false) AS open_at_end, [uid] AS uids
FROM conn
WHERE coalesce(duration, 0) >= $min_seconds OR (coalesce(open_at_end, false) AND coalesce(duration, 0) >= $open_min_seconds)
ORDER BY first_seen, key
