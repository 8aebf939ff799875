-- ClickHouse version of ../brute-force.sql (same rows, same order). The median is interpolated
-- from the sorted durations (DuckDB's median); sessions keep storage order.
-- bool: success
WITH attempts AS MATERIALIZED (
  SELECT ts, uid, _batch, _row, id_orig_h AS a_src, id_resp_h AS a_dst, id_resp_p AS a_port, coalesce(duration, 0) AS a_duration,
    coalesce(orig_bytes, 0) AS a_bytes, greatest(coalesce(s_attempts, 1), 1) AS a_guesses, coalesce(s_success, 0) AS a_ssh_success
  FROM conn AS c
  ALL LEFT JOIN (SELECT uid AS s_uid, auth_attempts AS s_attempts, auth_success AS s_success FROM ssh WHERE uid IS NOT NULL) AS s ON c.uid = s.s_uid
  WHERE proto = 'tcp' AND coalesce(orig_bytes, 0) > 0 AND coalesce(resp_bytes, 0) > 0
    AND ifNull(id_resp_p, -1) IN (SELECT toInt32(arrayJoin(splitByChar(',', $auth_ports))))
),
suspects AS (
  SELECT w_src, w_dst, w_port, max(n) AS w_connections, max(g) AS w_guesses
  FROM (SELECT a_src AS w_src, a_dst AS w_dst, a_port AS w_port, floor(ts / $window_s) AS w, count() AS n, sum(a_guesses) AS g
        FROM attempts GROUP BY w_src, w_dst, w_port, w)
  GROUP BY w_src, w_dst, w_port
  HAVING w_connections >= $min_connections OR w_guesses >= $min_guesses
),
grouped AS (
  SELECT a_src AS g_src, a_dst AS g_dst, a_port AS g_port, count() AS g_connections, sum(a_guesses) AS g_guesses, min(ts) AS g_first, max(ts) AS g_last,
    arraySort(groupArray(a_duration)) AS g_sorted, length(g_sorted) AS g_n,
    g_sorted[intDiv(g_n - 1, 2) + 1] + (g_sorted[intDiv(g_n, 2) + 1] - g_sorted[intDiv(g_n - 1, 2) + 1]) * 0.5 AS g_median,
    avg(a_bytes) AS g_mean, coalesce(stddevPop(a_bytes) / nullIf(avg(a_bytes), 0), 0) AS g_cv,
    any(w_connections) AS g_peak_connections, any(w_guesses) AS g_peak_guesses, max(a_ssh_success) AS g_ssh_success,
    arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20) AS g_uids,
    arrayFilter(x -> x.2 > $success_factor * greatest(g_median, 1), arrayMap(x -> (x.3, x.4), arraySort(groupArray((_batch, _row, uid, a_duration))))) AS g_long
  FROM attempts AS a ALL INNER JOIN suspects AS w ON a_src = w_src AND a_dst = w_dst AND a_port = w_port
  GROUP BY a_src, a_dst, a_port
)
SELECT concat(g_src, '>', g_dst, ':', toString(g_port)) AS key, g_src AS src, [g_dst] AS dst, g_first AS first_seen, g_last AS last_seen,
  least(1.0, 0.5 + g_peak_guesses / ($min_guesses * 4.0) + if(g_cv < 0.25, 0.1, 0)) AS score,
  g_port AS port, g_connections AS connections, g_guesses AS guesses, g_peak_connections AS peak_connections, g_peak_guesses AS peak_guesses,
  g_median AS median_duration, g_mean AS mean_bytes, g_cv AS size_cv,
  g_ssh_success OR length(g_long) > 0 AS success,
  arraySlice(arrayMap(x -> x.1, g_long), 1, 5) AS success_uids,
  g_uids AS uids
FROM grouped
ORDER BY first_seen, key
