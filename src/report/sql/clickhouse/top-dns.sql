-- ClickHouse version of ../top-dns.sql (same rows, same order).
SELECT extract(query, '(?s)^.{0,200}') AS name, count() AS queries, uniqExact(id_orig_h) AS clients,
  countIf(rcode_name = 'NXDOMAIN') AS nxdomain
FROM dns WHERE query IS NOT NULL AND query <> '' GROUP BY name ORDER BY queries DESC, name LIMIT $limit
