-- Span and totals of the stored connections: first start, last end, counts, distinct hosts (exact, as on ClickHouse).
SELECT min(ts) AS first_ts, max(ts + coalesce(duration, 0)) AS last_ts, count(*) AS connections,
  coalesce(sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)), 0) AS packets,
  coalesce(sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)), 0) AS bytes,
  (SELECT count(DISTINCT h) FROM (SELECT id_orig_h AS h FROM conn UNION ALL SELECT id_resp_h FROM conn)) AS hosts
FROM conn WHERE ts IS NOT NULL
