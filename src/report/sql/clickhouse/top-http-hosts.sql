-- ClickHouse version of ../top-http-hosts.sql (same rows, same order).
SELECT extract(host, '(?s)^.{0,200}') AS name, count() AS requests, uniqExact(id_orig_h) AS clients,
  sum(coalesce(response_body_len, 0)) AS bytes
FROM http WHERE host IS NOT NULL AND host <> '' GROUP BY name ORDER BY requests DESC, name LIMIT $limit
