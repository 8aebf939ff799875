-- ClickHouse version of ../protocol-mix.sql (same rows, same order); the grouped name is kept apart
-- from the proto column it is computed from (a ClickHouse alias replaces the column in its query).
SELECT p AS proto, packets FROM (
  SELECT coalesce(proto, 'other') AS p, sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) AS packets
  FROM conn
  GROUP BY p
)
ORDER BY packets DESC, proto
