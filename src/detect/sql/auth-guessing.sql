-- Password guessing seen in host logs (sshd via syslog/journald, Windows 4625): failed logins per
-- source and server (auth_resolved names the server's address). Fires at $min_failures failures
-- within $window_s seconds; reports the accounts tried and the first login accepted afterwards
-- from the same source on the same server.
WITH failures AS (
  SELECT * FROM auth_resolved WHERE outcome = 'failure' AND src_ip IS NOT NULL
),
windows AS (
  SELECT src_ip, server, max(n) AS peak
  FROM (SELECT src_ip, server, floor(ts / $window_s) AS w, sum(count) AS n FROM failures GROUP BY ALL)
  GROUP BY ALL
),
grouped AS (
  SELECT f.src_ip, f.server, min(f.ts) AS first_seen, max(f.ts) AS last_seen, sum(f.count) AS failures,
    count(DISTINCT f.user) AS accounts, list(DISTINCT f.user ORDER BY f.user) FILTER (f.user IS NOT NULL)[1:5] AS sample_accounts,
    any_value(f.host) AS host, min(f.source_file) AS source_file, min(f.source_line) AS source_line,
    coalesce(list(DISTINCT f.uid ORDER BY f.uid) FILTER (f.uid IS NOT NULL), [])[1:20] AS uids, any_value(w.peak) AS peak
  FROM failures f JOIN windows w ON w.src_ip = f.src_ip AND w.server = f.server
  GROUP BY f.src_ip, f.server
  HAVING any_value(w.peak) >= $min_failures
)
SELECT 'auth:' || g.src_ip || '>' || g.server AS key, g.src_ip AS src, [g.server] AS dst, g.first_seen, g.last_seen,
  least(1.0, 0.5 + g.failures / ($min_failures * 4.0)) AS score, g.failures, g.accounts, g.sample_accounts, g.host,
  g.source_file, g.source_line, g.uids, g.peak,
  (SELECT min(s.ts) FROM auth_resolved s WHERE s.outcome = 'success' AND s.src_ip = g.src_ip AND s.server = g.server AND s.ts >= g.first_seen) AS accepted_at,
  (SELECT arg_min(s.user, s.ts) FROM auth_resolved s WHERE s.outcome = 'success' AND s.src_ip = g.src_ip AND s.server = g.server AND s.ts >= g.first_seen) AS accepted_user
FROM grouped g
ORDER BY g.first_seen, key
