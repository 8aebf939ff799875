-- ClickHouse version of ../c2-checkin.sql (same rows, same order). A request whose method is
-- unknown is a bare POST only when nothing else rules it out (DuckDB's NULL AND …), and such
-- requests are left out of the all-bare-POSTs test, as bool_and leaves out NULLs.
WITH requests AS MATERIALIZED (
  SELECT ts, uid, _batch, _row, id_orig_h AS r_src, id_resp_h AS r_server, lower(host) AS r_host, splitByChar('?', assumeNotNull(uri))[1] AS r_path,
    multiIf(referrer IS NOT NULL OR has(orig_mime_types, 'application/ocsp-request'), 0, method IS NULL, NULL, method = 'POST') AS r_bare,
    coalesce(request_body_len, 0) AS r_size
  FROM http WHERE host IS NOT NULL AND uri IS NOT NULL
),
checkins AS (
  SELECT r_src AS c_src, r_host AS c_host, any(r_path) AS c_path, arraySort(groupUniqArray(r_server)) AS c_servers, count() AS c_requests,
    min(ts) AS c_first, max(ts) AS c_last, arraySort(groupArray(r_size)) AS c_sizes, length(c_sizes) AS c_n,
    c_sizes[intDiv(c_n - 1, 2) + 1] + (c_sizes[intDiv(c_n, 2) + 1] - c_sizes[intDiv(c_n - 1, 2) + 1]) * 0.5 AS c_median,
    max(r_size) - min(r_size) AS c_spread, arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20) AS c_uids
  FROM requests
  WHERE (r_src, r_host) IN (
    SELECT r_src, r_host FROM requests GROUP BY r_src, r_host HAVING min(r_bare) = 1 AND uniqExact(r_path) = 1 AND count() >= $min_requests
  )
  GROUP BY r_src, r_host
)
SELECT concat(c_src, '>', c_host, c_path) AS key, c_src AS src, c_servers AS dst, c_first AS first_seen, c_last AS last_seen,
  least(0.9, 0.5 + 0.04 * c_requests) AS score, c_host AS host, c_path AS path, c_requests AS requests, c_median AS median_size, c_spread AS size_spread, c_uids AS uids
FROM checkins
WHERE c_median > 0 AND c_spread <= $max_size_spread * c_median
ORDER BY first_seen, key
