-- Traffic of a finished analysis over time, from its connection records: packets and IP bytes per
-- second in $bucket-second buckets (each connection counted at its start), for the dashboard chart.
SELECT floor(ts / $bucket) * $bucket AS ts,
  sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) / $bucket AS packets_per_sec,
  sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) / $bucket AS bytes_per_sec
FROM conn
GROUP BY 1
ORDER BY 1
