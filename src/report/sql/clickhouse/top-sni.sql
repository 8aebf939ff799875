-- ClickHouse version of ../top-sni.sql (same rows, same order).
SELECT extract(server_name, '(?s)^.{0,200}') AS name, count() AS handshakes, uniqExact(id_orig_h) AS clients,
  uniqExact(id_resp_h) AS servers
FROM ssl WHERE server_name IS NOT NULL AND server_name <> '' GROUP BY name ORDER BY handshakes DESC, name LIMIT $limit
