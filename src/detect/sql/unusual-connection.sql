-- Unusual connections: cleartext authentication (FTP USER/PASS, HTTP basic, Telnet sessions),
-- well-known services on non-standard ports (service vs $standard_ports 'service:port' pairs),
-- connections to $suspicious_ports, internal hosts fanning out to $min_external_peers or more
-- external peers, and rare peers: an external host only one internal host talks to, again and again
-- ($rare_min_connections answered connections), where $rare_min_hosts or more internal hosts talk out
-- (low prevalence, as RITA's; persistence keeps one-off visits out), and first-seen peers: external hosts
-- an internal host reached in the newest capture of the store (ingests by first packet time) that no
-- host reached in the earlier ones, when those cover $first_seen_min_history_s or more (RITA's first
-- seen over a rolling database; a store of one capture has no history, so nothing is new).
WITH cleartext AS (
  SELECT 'cleartext_auth:ftp:' || id_orig_h || '>' || id_resp_h AS key, id_orig_h AS src, id_resp_h AS dst, min(ts) AS first_seen, max(ts) AS last_seen,
    'cleartext_auth' AS kind, 'ftp' AS detail, count(*) AS connections, list(DISTINCT uid ORDER BY uid)[1:20] AS uids
  FROM ftp WHERE command = 'PASS' GROUP BY ALL
  UNION ALL
  SELECT 'cleartext_auth:http:' || id_orig_h || '>' || id_resp_h, id_orig_h, id_resp_h, min(ts), max(ts), 'cleartext_auth', 'http basic', count(*), list(DISTINCT uid ORDER BY uid)[1:20]
  FROM http WHERE username IS NOT NULL AND username <> '' GROUP BY ALL
  UNION ALL
  SELECT 'cleartext_auth:telnet:' || id_orig_h || '>' || id_resp_h, id_orig_h, id_resp_h, min(ts), max(ts), 'cleartext_auth', 'telnet', count(*), list(uid)[1:20]
  FROM conn WHERE proto = 'tcp' AND id_resp_p = 23 AND coalesce(orig_bytes, 0) > 0 AND coalesce(resp_bytes, 0) > 0 GROUP BY ALL
),
services AS (
  SELECT ts, uid, id_orig_h AS src, id_resp_h AS dst, id_resp_p AS port, unnest(string_split(service, ',')) AS svc FROM conn WHERE service IS NOT NULL AND service <> ''
),
odd_ports AS (
  SELECT 'service_port:' || svc || ':' || src || '>' || dst || ':' || port AS key, src, dst, min(ts) AS first_seen, max(ts) AS last_seen,
    'nonstandard_port' AS kind, svc || ' on port ' || port AS detail, count(*) AS connections, list(uid ORDER BY ts)[1:20] AS uids
  FROM services
  WHERE list_contains(list_transform(string_split($standard_ports, ','), p -> split_part(p, ':', 1)), svc)
    AND NOT list_contains(string_split($standard_ports, ','), svc || ':' || port)
  GROUP BY ALL
),
suspicious AS (
  SELECT 'suspicious_port:' || id_orig_h || '>' || id_resp_h || ':' || id_resp_p AS key, id_orig_h AS src, id_resp_h AS dst, min(ts), max(ts),
    'suspicious_port', proto || ' port ' || id_resp_p, count(*), list(uid ORDER BY ts)[1:20]
  FROM conn WHERE list_contains(string_split($suspicious_ports, ',')::INTEGER[], id_resp_p) AND coalesce(resp_bytes, 0) > 0 GROUP BY ALL
),
fan_out AS (
  SELECT 'fan_out:' || id_orig_h AS key, id_orig_h AS src, min(id_resp_h) || ' … ' || max(id_resp_h) AS dst, min(ts), max(ts),
    'fan_out', count(DISTINCT id_resp_h) || ' external peers', count(*), list(uid ORDER BY ts)[1:20]
  FROM conn WHERE local_orig AND NOT coalesce(local_resp, false) GROUP BY id_orig_h HAVING count(DISTINCT id_resp_h) >= $min_external_peers
),
outbound AS (
  SELECT id_orig_h AS src, id_resp_h AS dst, ts, uid FROM conn WHERE local_orig AND NOT coalesce(local_resp, false) AND coalesce(resp_bytes, 0) > 0
),
population AS (SELECT count(DISTINCT src) AS hosts FROM outbound),
history AS (
  SELECT max(first_ts) AS newest, max(first_ts) - min(first_ts) AS covered, count(*) - 1 AS earlier FROM ingests WHERE packets > 0 AND first_ts IS NOT NULL
),
first_contacts AS (SELECT dst, min(ts) AS first_ts FROM outbound GROUP BY dst),
first_seen AS (
  SELECT 'first_seen:' || o.src AS key, o.src, CASE WHEN min(o.dst) = max(o.dst) THEN min(o.dst) ELSE min(o.dst) || ' … ' || max(o.dst) END, min(o.ts), max(o.ts), 'first_seen',
    count(DISTINCT o.dst) || ' external peer(s) no host reached in the ' || any_value(h.earlier) || ' earlier capture(s)', count(*), list(o.uid ORDER BY o.ts)[1:20]
  FROM outbound o JOIN first_contacts f ON o.dst = f.dst, history h
  WHERE h.earlier >= 1 AND h.covered >= $first_seen_min_history_s AND f.first_ts >= h.newest
  GROUP BY o.src
),
rare_peers AS (
  SELECT dst, min(src) AS src FROM outbound GROUP BY dst HAVING min(src) = max(src) AND count(*) >= $rare_min_connections
),
rare AS (
  SELECT 'rare_peer:' || r.src || '>' || r.dst AS key, r.src, r.dst, min(o.ts), max(o.ts),
    'rare_peer', 'the only one of ' || any_value(p.hosts) || ' internal hosts talking to it', count(*), list(o.uid ORDER BY o.ts)[1:20]
  FROM rare_peers r JOIN outbound o ON o.dst = r.dst, population p
  WHERE p.hosts >= $rare_min_hosts
  GROUP BY r.src, r.dst
)
SELECT key, src, [dst] AS dst, first_seen, last_seen,
  CASE kind WHEN 'suspicious_port' THEN 0.6 WHEN 'nonstandard_port' THEN 0.5 WHEN 'rare_peer' THEN 0.3 WHEN 'first_seen' THEN 0.3 ELSE 0.4 END AS score, kind, detail, connections, uids
FROM (SELECT * FROM cleartext UNION ALL SELECT * FROM odd_ports UNION ALL SELECT * FROM suspicious UNION ALL SELECT * FROM fan_out UNION ALL SELECT * FROM rare UNION ALL SELECT * FROM first_seen)
ORDER BY first_seen, key
