-- Packets, IP bytes and connections per time bucket of $bucket seconds from $start, per
-- protocol (first detected service, else transport); the $top protocols with the most bytes
-- keep their name, the rest are summed as "other". Each connection counts in the bucket it started in.
WITH c AS (
  SELECT floor((ts - $start) / $bucket)::BIGINT AS bucket,
    left(coalesce(nullif(split_part(service, ',', 1), ''), proto, 'other'), 32) AS protocol,
    coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0) AS packets,
    coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0) AS nbytes
  FROM conn WHERE ts IS NOT NULL
),
top AS (SELECT protocol FROM c GROUP BY protocol ORDER BY sum(nbytes) DESC, protocol LIMIT $top)
SELECT bucket, CASE WHEN protocol IN (SELECT protocol FROM top) THEN protocol ELSE 'other' END AS protocol,
  sum(packets) AS packets, sum(nbytes) AS bytes, count(*) AS connections
FROM c GROUP BY ALL ORDER BY bucket, protocol
