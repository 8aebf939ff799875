-- The $limit most seen TLS server names (SNI, first 200 characters), with clients and servers.
SELECT left(server_name, 200) AS name, count(*) AS handshakes, count(DISTINCT id_orig_h) AS clients,
  count(DISTINCT id_resp_h) AS servers
FROM ssl WHERE server_name IS NOT NULL AND server_name <> '' GROUP BY ALL ORDER BY handshakes DESC, name LIMIT $limit
