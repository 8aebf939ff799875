-- Traffic before, during and after the intrusion window [$start, $end], by connection start time.
SELECT CASE WHEN ts < $start THEN 'before' WHEN ts <= $end THEN 'during' ELSE 'after' END AS phase,
  count(*) AS connections,
  sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) AS packets,
  sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) AS bytes
FROM conn WHERE ts IS NOT NULL GROUP BY phase
