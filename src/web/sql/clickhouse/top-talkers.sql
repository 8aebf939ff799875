-- ClickHouse version of ../top-talkers.sql (same rows, same order).
WITH sent AS (
  SELECT id_orig_h AS s_ip, orig_pkts AS s_packets, orig_ip_bytes AS s_bytes FROM conn
  UNION ALL
  SELECT id_resp_h AS s_ip, resp_pkts AS s_packets, resp_ip_bytes AS s_bytes FROM conn
)
SELECT s_ip AS ip, sum(coalesce(s_packets, 0)) AS packets, sum(coalesce(s_bytes, 0)) AS bytes
FROM sent
GROUP BY s_ip
ORDER BY bytes DESC, ip
LIMIT $limit
