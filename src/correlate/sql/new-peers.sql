-- External peers $host opened connections to, split at $since: how many were new after it,
-- how many it had talked to before (a host with no history makes every peer "new").
WITH peers AS (
  SELECT id_resp_h AS peer, min(ts) AS first FROM conn
  WHERE id_orig_h = $host AND local_resp IS NOT TRUE
  GROUP BY id_resp_h
)
SELECT count(*) FILTER (WHERE first >= $since) AS new_peers, count(*) FILTER (WHERE first < $since) AS old_peers,
  min(first) FILTER (WHERE first >= $since) AS first_new
FROM peers
