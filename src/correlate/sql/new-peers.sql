-- External peers each candidate host opened connections to, split at the time it was attacked:
-- how many were new after it, how many it had talked to before (a host with no history makes
-- every peer "new"). $candidates: JSON [{key, host, since}].
WITH candidates AS (
  SELECT unnest(from_json($candidates, '[{"key":"VARCHAR","host":"VARCHAR","since":"DOUBLE"}]'), recursive := true)
),
peers AS (
  SELECT c.id_orig_h AS host, c.id_resp_h AS peer, min(c.ts) AS first
  FROM conn c SEMI JOIN (SELECT DISTINCT host FROM candidates) h ON c.id_orig_h = h.host
  WHERE c.local_resp IS NOT TRUE
  GROUP BY ALL
)
SELECT d.key, count(*) FILTER (WHERE p.first >= d.since) AS new_peers, count(*) FILTER (WHERE p.first < d.since) AS old_peers,
  min(p.first) FILTER (WHERE p.first >= d.since) AS first_new
FROM candidates d JOIN peers p ON p.host = d.host
GROUP BY d.key
ORDER BY d.key
