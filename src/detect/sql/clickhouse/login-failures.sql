-- ClickHouse version of ../login-failures.sql (same rows, same order). ClickHouse resolves an
-- output alias before a column of the same name, so inner columns are named apart (f_src, w_peak).
WITH failures AS (
  SELECT ts, uid, id_orig_h AS f_src, id_resp_h AS f_dst, 'ftp' AS f_service FROM ftp WHERE reply_code = 530
  UNION ALL
  SELECT ts, uid, id_orig_h AS f_src, id_resp_h AS f_dst, 'http' AS f_service FROM http WHERE status_code = 401
),
windows AS (
  SELECT w_src, w_dst, w_service, max(n) AS w_peak
  FROM (SELECT f_src AS w_src, f_dst AS w_dst, f_service AS w_service, floor(ts / $window_s) AS w, count() AS n FROM failures GROUP BY w_src, w_dst, w_service, w)
  GROUP BY w_src, w_dst, w_service
)
SELECT concat(f_service, ':', f_src, '>', f_dst) AS key, f_src AS src, [f_dst] AS dst, min(ts) AS first_seen, max(ts) AS last_seen,
  least(1.0, 0.5 + count() / ($min_failures * 4.0)) AS score, f_service AS service, count() AS failures, any(w_peak) AS peak,
  arraySlice(arraySort(groupUniqArray(uid)), 1, 20) AS uids
FROM failures AS f ALL INNER JOIN windows AS w ON f_src = w_src AND f_dst = w_dst AND f_service = w_service
GROUP BY f_src, f_dst, f_service
HAVING any(w_peak) >= $min_failures
ORDER BY first_seen, key
