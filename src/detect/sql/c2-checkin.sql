-- HTTP C2 check-ins too few or too irregular for beacon scoring (CryptoWall's three POSTs in 40 s):
-- $min_requests or more POSTs from one host to one script of a server (path, query aside), none with a
-- Referer, request bodies within $max_size_spread of their median, where that host asked the server for
-- nothing else (no GET, no other path: browsing and form posts look different). OCSP requests
-- (certificate status, a bare POST by design) are not check-ins.
WITH requests AS (
  -- Names lowercase in ASCII only, as DNS compares them (RFC 4343); ClickHouse's lower() does the same.
  SELECT ts, uid, id_orig_h AS src, id_resp_h AS server, translate(host, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS host, split_part(uri, '?', 1) AS path,
    method = 'POST' AND referrer IS NULL AND NOT list_contains(coalesce(orig_mime_types, []), 'application/ocsp-request') AS bare_post, coalesce(request_body_len, 0) AS size
  FROM http WHERE host IS NOT NULL AND uri IS NOT NULL
),
only_posts AS (
  SELECT src, host FROM requests GROUP BY ALL HAVING bool_and(bare_post) AND count(DISTINCT path) = 1 AND count(*) >= $min_requests
),
checkins AS (
  SELECT r.src, r.host, any_value(r.path) AS path, list(DISTINCT r.server ORDER BY r.server) AS servers, count(*) AS requests,
    min(ts) AS first_seen, max(ts) AS last_seen, median(size) AS median_size, max(size) - min(size) AS size_spread, list(uid ORDER BY ts)[1:20] AS uids
  FROM requests r SEMI JOIN only_posts o ON r.src = o.src AND r.host = o.host
  GROUP BY r.src, r.host
)
SELECT src || '>' || host || path AS key, src, servers AS dst, first_seen, last_seen,
  least(0.9, 0.5 + 0.04 * requests) AS score, host, path, requests, median_size, size_spread, uids
FROM checkins
WHERE median_size > 0 AND size_spread <= $max_size_spread * median_size
ORDER BY first_seen, key
