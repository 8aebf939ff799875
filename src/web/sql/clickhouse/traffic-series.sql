-- ClickHouse version of ../traffic-series.sql (same rows, same order); the bucket is named apart
-- from the ts column it is computed from (a ClickHouse alias replaces the column in its query).
SELECT t AS ts, packets_per_sec, bytes_per_sec FROM (
  SELECT floor(ts / $bucket) * $bucket AS t,
    sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) / $bucket AS packets_per_sec,
    sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) / $bucket AS bytes_per_sec
  FROM conn
  GROUP BY t
)
ORDER BY t
