-- The $limit responder ports with the most connections, with sources, bytes and unanswered attempts.
SELECT id_resp_p AS port, proto, count(*) AS connections, count(DISTINCT id_orig_h) AS sources,
  sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) AS bytes,
  count(*) FILTER (WHERE conn_state IN ('S0', 'REJ', 'RSTOS0', 'OTH')) AS unanswered
FROM conn WHERE id_resp_p IS NOT NULL GROUP BY ALL ORDER BY connections DESC, port, proto LIMIT $limit
