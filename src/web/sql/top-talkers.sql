-- Hosts sending the most IP bytes over the whole store (as originator or responder), top $limit.
WITH sent AS (
  SELECT id_orig_h AS ip, orig_pkts AS packets, orig_ip_bytes AS bytes FROM conn
  UNION ALL
  SELECT id_resp_h AS ip, resp_pkts AS packets, resp_ip_bytes AS bytes FROM conn
)
SELECT ip, sum(coalesce(packets, 0)) AS packets, sum(coalesce(bytes, 0)) AS bytes
FROM sent
GROUP BY ip
ORDER BY bytes DESC, ip
LIMIT $limit
