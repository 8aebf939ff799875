-- The $limit most queried DNS names (first 200 characters), with clients and NXDOMAIN answers.
SELECT left(query, 200) AS name, count(*) AS queries, count(DISTINCT id_orig_h) AS clients,
  count(*) FILTER (WHERE rcode_name = 'NXDOMAIN') AS nxdomain
FROM dns WHERE query IS NOT NULL AND query <> '' GROUP BY ALL ORDER BY queries DESC, name LIMIT $limit
