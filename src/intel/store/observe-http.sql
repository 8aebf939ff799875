-- Host headers (port dropped) and the URLs requested (host + request target).
SELECT 'host' AS kind, regexp_replace(host, ':[0-9]+$', '') AS value, ts, uid FROM http
UNION ALL
SELECT 'url' AS kind, host || uri AS value, ts, uid FROM http WHERE host IS NOT NULL AND uri IS NOT NULL
