-- ClickHouse version of ../traffic-phases.sql (same rows).
SELECT multiIf(ts < $start, 'before', ts <= $end, 'during', 'after') AS phase,
  count() AS connections,
  sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) AS packets,
  sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) AS bytes
FROM conn WHERE ts IS NOT NULL GROUP BY phase
