-- The $limit most requested HTTP Host values (first 200 characters), with clients and bytes returned.
SELECT left(host, 200) AS name, count(*) AS requests, count(DISTINCT id_orig_h) AS clients,
  sum(coalesce(response_body_len, 0)) AS bytes
FROM http WHERE host IS NOT NULL AND host <> '' GROUP BY ALL ORDER BY requests DESC, name LIMIT $limit
