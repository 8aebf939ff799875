-- ClickHouse version of ../exfiltration.sql (same rows, same order). The top 20 uids by bytes
-- sent are picked on the client, as DuckDB's arg_max(…, 20) picks them, from all (bytes, uid)
-- pairs in storage order. After a join only the left side's key columns are read (18.16 leaves
-- the right side's NULL).
-- bool: local_dst
-- arg-max-n: uids(20)
WITH totals AS (
  SELECT id_orig_h AS t_src, id_resp_h AS t_dst, sum(coalesce(orig_bytes, 0)) AS t_out, sum(coalesce(resp_bytes, 0)) AS t_in
  FROM conn GROUP BY t_src, t_dst HAVING t_out >= $min_bytes AND t_out >= $min_ratio * t_in
),
pairs AS MATERIALIZED (
  SELECT id_orig_h AS p_src, id_resp_h AS p_dst, any(t_out) AS p_out, any(t_in) AS p_in, count() AS p_connections, min(ts) AS p_first,
    max(ts + coalesce(duration, 0)) AS p_last, max(local_resp) AS p_local, arraySlice(arraySort(groupUniqArray(id_resp_p)), 1, 5) AS p_ports,
    arrayMap(x -> (x.3, x.4), arraySort(groupArray((_batch, _row, orig_bytes, uid)))) AS p_uids
  FROM conn AS c ALL INNER JOIN totals AS t ON id_orig_h = t_src AND id_resp_h = t_dst
  GROUP BY p_src, p_dst
),
peers AS (
  SELECT id_resp_h AS s_dst, uniqExact(id_orig_h) AS s_sources FROM conn
  WHERE id_resp_h IN (SELECT p_dst FROM pairs) GROUP BY s_dst
)
SELECT concat(p_src, '>', p_dst) AS key, p_src AS src, [p_dst] AS dst, p_first AS first_seen, p_last AS last_seen,
  least(1.0, 0.5 + p_out / ($min_bytes * 20.0)) AS score,
  p_out AS bytes_out, p_in AS bytes_in, p_connections AS connections, p_ports AS ports, coalesce(p_local, 0) AS local_dst, s_sources AS peer_sources, p_uids AS uids
FROM pairs AS p ALL INNER JOIN peers AS s ON p_dst = s_dst
WHERE p_out >= $min_bytes AND p_out >= $min_ratio * p_in AND (NOT coalesce(p_local, 0) OR s_sources <= $max_peers)
ORDER BY first_seen, key
