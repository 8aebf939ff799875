-- ClickHouse version of ../protocol-mix.sql (same rows, same order).
SELECT extract(coalesce(nullIf(splitByChar(',', ifNull(service, ''))[1], ''), proto, 'other'), '(?s)^.{0,32}') AS protocol, count() AS connections,
  sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) AS packets,
  sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) AS bytes
FROM conn GROUP BY protocol ORDER BY bytes DESC, protocol LIMIT $limit
