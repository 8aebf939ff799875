-- The $limit hosts that moved the most IP bytes (sent plus received), with connections and peers.
WITH sides AS (
  SELECT id_orig_h AS host, id_resp_h AS peer, coalesce(orig_ip_bytes, 0) AS sent, coalesce(resp_ip_bytes, 0) AS received FROM conn
  UNION ALL
  SELECT id_resp_h, id_orig_h, coalesce(resp_ip_bytes, 0), coalesce(orig_ip_bytes, 0) FROM conn
)
SELECT left(host, 200) AS host, sum(sent) + sum(received) AS bytes, sum(sent) AS sent, sum(received) AS received,
  count(*) AS connections, approx_count_distinct(peer) AS peers
FROM sides WHERE host IS NOT NULL GROUP BY host ORDER BY bytes DESC, connections DESC, host LIMIT $limit
