-- Exfiltration: per source and destination, at least $min_bytes sent with $min_ratio times more
-- bytes out than in, to an external destination (not local) or one contacted by at most
-- $max_peers sources.
WITH totals AS (
  SELECT id_orig_h AS src, id_resp_h AS dst, sum(coalesce(orig_bytes, 0)) AS bytes_out, sum(coalesce(resp_bytes, 0)) AS bytes_in
  FROM conn GROUP BY ALL HAVING sum(coalesce(orig_bytes, 0)) >= $min_bytes AND sum(coalesce(orig_bytes, 0)) >= $min_ratio * sum(coalesce(resp_bytes, 0))
),
pairs AS (
  SELECT t.src, t.dst, any_value(t.bytes_out) AS bytes_out, any_value(t.bytes_in) AS bytes_in, count(*) AS connections, min(ts) AS first_seen,
    max(ts + coalesce(duration, 0)) AS last_seen, bool_or(local_resp) AS local_dst, list(DISTINCT id_resp_p ORDER BY id_resp_p)[1:5] AS ports, arg_max(uid, orig_bytes, 20) AS uids
  FROM conn c JOIN totals t ON c.id_orig_h = t.src AND c.id_resp_h = t.dst GROUP BY t.src, t.dst
),
peers AS (SELECT id_resp_h AS dst, count(DISTINCT id_orig_h) AS sources FROM conn SEMI JOIN pairs ON id_resp_h = pairs.dst GROUP BY ALL)
SELECT p.src || '>' || p.dst AS key, p.src, [p.dst] AS dst, first_seen, last_seen,
  least(1.0, 0.5 + bytes_out / ($min_bytes * 20.0)) AS score,
  bytes_out, bytes_in, connections, ports, coalesce(local_dst, false) AS local_dst, s.sources AS peer_sources, uids
FROM pairs p JOIN peers s ON p.dst = s.dst
WHERE bytes_out >= $min_bytes AND bytes_out >= $min_ratio * bytes_in AND (NOT coalesce(local_dst, false) OR s.sources <= $max_peers)
ORDER BY first_seen, key
