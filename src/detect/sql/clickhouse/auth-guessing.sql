-- ClickHouse version of ../auth-guessing.sql (same rows, same order). The accepted login comes
-- from joining each pair's successes (no correlated subqueries in 18.16); among equal times the
-- first stored, as DuckDB's arg_min.
-- null-if-empty: sample_accounts
WITH failures AS MATERIALIZED (
  SELECT ts, host, user, count, source_file, source_line, uid, _batch, _row, src_ip AS f_src, server AS f_server
  FROM auth_resolved WHERE outcome = 'failure' AND src_ip IS NOT NULL
),
windows AS (
  SELECT w_src, w_server, max(n) AS w_peak
  FROM (SELECT f_src AS w_src, f_server AS w_server, floor(ts / $window_s) AS w, sum(count) AS n FROM failures GROUP BY w_src, w_server, w)
  GROUP BY w_src, w_server
),
grouped AS (
  SELECT f_src AS g_src, f_server AS g_server, min(ts) AS g_first, max(ts) AS g_last, sum(count) AS g_failures,
    uniqExact(user) AS g_accounts, arraySlice(arraySort(groupUniqArray(user)), 1, 5) AS g_sample,
    argMinIf(host, (_batch, _row), host IS NOT NULL) AS g_host, min(source_file) AS g_file, min(source_line) AS g_line,
    arraySlice(arraySort(groupUniqArray(uid)), 1, 20) AS g_uids, any(w_peak) AS g_peak
  FROM failures AS f ALL INNER JOIN windows AS w ON f_src = w_src AND f_server = w_server
  GROUP BY f_src, f_server
  HAVING any(w_peak) >= $min_failures
),
successes AS (
  SELECT src_ip AS s_src, server AS s_server, ts AS s_ts, _batch AS s_batch, _row AS s_row, user AS s_user
  FROM auth_resolved WHERE outcome = 'success' AND src_ip IS NOT NULL AND server IS NOT NULL
),
accepted AS (
  SELECT g_src, g_server, any(g_first) AS a_first, any(g_last) AS a_last, any(g_failures) AS a_failures, any(g_accounts) AS a_accounts,
    any(g_sample) AS a_sample, any(g_host) AS a_host, any(g_file) AS a_file, any(g_line) AS a_line, any(g_uids) AS a_uids, any(g_peak) AS a_peak,
    minIf(s_ts, s_ts >= g_first) AS a_at, argMinIf(s_user, (s_ts, s_batch, s_row), s_ts >= g_first) AS a_user
  FROM grouped AS g ALL LEFT JOIN successes AS s ON g_src = s_src AND g_server = s_server
  GROUP BY g_src, g_server
)
SELECT concat('auth:', g_src, '>', g_server) AS key, g_src AS src, [g_server] AS dst, a_first AS first_seen, a_last AS last_seen,
  least(1.0, 0.5 + a_failures / ($min_failures * 4.0)) AS score, a_failures AS failures, a_accounts AS accounts, a_sample AS sample_accounts, a_host AS host,
  a_file AS source_file, a_line AS source_line, a_uids AS uids, a_peak AS peak,
  a_at AS accepted_at, if(isNull(a_at), NULL, a_user) AS accepted_user
FROM accepted
ORDER BY first_seen, key
