-- Failed logins reported by the application logs: FTP 530 replies to PASS and HTTP 401 answers,
-- per source and server. Fires at $min_failures failures within $window_s seconds
-- (Zeek FTP::Bruteforcing: 20 failures in 15 min).
WITH failures AS (
  SELECT ts, uid, id_orig_h AS src, id_resp_h AS dst, 'ftp' AS service FROM ftp WHERE reply_code = 530
  UNION ALL
  SELECT ts, uid, id_orig_h, id_resp_h, 'http' FROM http WHERE status_code = 401
),
windows AS (
  SELECT src, dst, service, max(n) AS peak FROM (SELECT src, dst, service, floor(ts / $window_s) AS w, count(*) AS n FROM failures GROUP BY ALL) GROUP BY ALL
)
SELECT f.service || ':' || f.src || '>' || f.dst AS key, f.src, [f.dst] AS dst, min(ts) AS first_seen, max(ts) AS last_seen,
  least(1.0, 0.5 + count(*) / ($min_failures * 4.0)) AS score, f.service, count(*) AS failures, any_value(w.peak) AS peak,
  list(DISTINCT uid ORDER BY uid)[1:20] AS uids
FROM failures f JOIN windows w ON f.src = w.src AND f.dst = w.dst AND f.service = w.service
GROUP BY f.src, f.dst, f.service
HAVING any_value(w.peak) >= $min_failures
ORDER BY first_seen, key
