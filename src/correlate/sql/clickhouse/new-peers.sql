-- ClickHouse version of ../new-peers.sql (same rows, same order). $candidates: an array of
-- (key, host, since, attackers) tuples as text (see list-param.ts).
WITH candidates AS (
  SELECT tupleElement(c, 1) AS d_key, toNullable(tupleElement(c, 2)) AS d_host, tupleElement(c, 3) AS d_since
  FROM (SELECT arrayJoin(CAST($candidates AS Array(Tuple(String, String, Float64, Array(String))))) AS c)
),
peers AS (
  SELECT id_orig_h AS p_host, id_resp_h AS p_peer, min(ts) AS p_first
  FROM conn WHERE id_orig_h IN (SELECT d_host FROM candidates) AND NOT coalesce(local_resp, 0)
  GROUP BY id_orig_h, id_resp_h
)
SELECT d_key AS key, countIf(p_first >= d_since) AS new_peers, countIf(p_first < d_since) AS old_peers,
  minIf(p_first, p_first >= d_since) AS first_new
FROM candidates AS d ALL INNER JOIN peers AS p ON d_host = p_host
GROUP BY d_key
ORDER BY key
