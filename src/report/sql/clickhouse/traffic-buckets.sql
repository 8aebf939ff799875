-- ClickHouse version of ../traffic-buckets.sql (same rows, same order).
WITH c AS (
  SELECT toInt64(floor((ts - $start) / $bucket)) AS c_bucket,
    extract(coalesce(nullIf(splitByChar(',', ifNull(service, ''))[1], ''), proto, 'other'), '(?s)^.{0,32}') AS c_protocol,
    coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0) AS c_packets,
    coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0) AS c_bytes
  FROM conn WHERE ts IS NOT NULL
),
winners AS (SELECT c_protocol AS w_protocol FROM c GROUP BY c_protocol ORDER BY sum(c_bytes) DESC, c_protocol LIMIT $top)
SELECT c_bucket AS bucket, if(c_protocol IN (SELECT w_protocol FROM winners), c_protocol, 'other') AS protocol,
  sum(c_packets) AS packets, sum(c_bytes) AS bytes, count() AS connections
FROM c GROUP BY bucket, protocol ORDER BY bucket, protocol
