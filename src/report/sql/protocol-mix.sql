-- Connections, packets and IP bytes per protocol (first detected service, else transport).
SELECT left(coalesce(nullif(split_part(service, ',', 1), ''), proto, 'other'), 32) AS protocol, count(*) AS connections,
  sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) AS packets,
  sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) AS bytes
FROM conn GROUP BY ALL ORDER BY bytes DESC, protocol LIMIT $limit
