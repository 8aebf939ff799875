-- ClickHouse version of ../traffic-span.sql (the same query: both dialects read it alike).
SELECT min(ts) AS first, max(ts + coalesce(duration, 0)) AS last,
  coalesce(sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)), 0) AS packets,
  coalesce(sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)), 0) AS bytes
FROM conn
