-- The $limit hosts that moved the most IP bytes (sent plus received), with connections and peers.
-- Bytes are summed per side first (two cheap aggregations); peers are counted only for the winners.
WITH per_side AS (
  SELECT id_orig_h AS host, sum(coalesce(orig_ip_bytes, 0)) AS sent, sum(coalesce(resp_ip_bytes, 0)) AS received, count(*) AS connections FROM conn GROUP BY 1
  UNION ALL
  SELECT id_resp_h, sum(coalesce(resp_ip_bytes, 0)), sum(coalesce(orig_ip_bytes, 0)), count(*) FROM conn GROUP BY 1
),
top AS (
  SELECT host, sum(sent) AS sent, sum(received) AS received, sum(connections) AS connections FROM per_side WHERE host IS NOT NULL
  GROUP BY host ORDER BY sum(sent) + sum(received) DESC, sum(connections) DESC, host LIMIT $limit
),
peers AS (
  SELECT host, count(DISTINCT peer) AS peers FROM (
    SELECT id_orig_h AS host, id_resp_h AS peer FROM conn WHERE id_orig_h IN (SELECT host FROM top)
    UNION ALL
    SELECT id_resp_h, id_orig_h FROM conn WHERE id_resp_h IN (SELECT host FROM top)
  ) GROUP BY host
)
SELECT left(t.host, 200) AS host, t.sent + t.received AS bytes, t.sent, t.received, t.connections, coalesce(p.peers, 0) AS peers
FROM top t LEFT JOIN peers p ON p.host = t.host ORDER BY bytes DESC, t.connections DESC, t.host
