-- ClickHouse version of ../top-talkers.sql (same rows, same order): both sides of each connection
-- are read in one scan (arrayJoin of an (address, packets, bytes) pair per side).
SELECT s.1 AS ip, sum(s.2) AS packets, sum(s.3) AS bytes
FROM (
  SELECT arrayJoin([(id_orig_h, coalesce(orig_pkts, 0), coalesce(orig_ip_bytes, 0)), (id_resp_h, coalesce(resp_pkts, 0), coalesce(resp_ip_bytes, 0))]) AS s
  FROM conn
)
GROUP BY ip
ORDER BY bytes DESC, ip
LIMIT $limit
