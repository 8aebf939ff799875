-- ClickHouse version of ../conn-span.sql (same row); both addresses of a connection are read in one scan.
SELECT min(ts) AS first_ts, max(ts + coalesce(duration, 0)) AS last_ts, count() AS connections,
  sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) AS packets,
  sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) AS bytes,
  (SELECT uniqExact(h) FROM (SELECT arrayJoin([id_orig_h, id_resp_h]) AS h FROM conn)) AS hosts
FROM conn WHERE ts IS NOT NULL
