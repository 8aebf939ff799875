-- The $limit most seen HTTP User-Agent values (first 200 characters), with clients.
SELECT left(user_agent, 200) AS name, count(*) AS requests, count(DISTINCT id_orig_h) AS clients
FROM http WHERE user_agent IS NOT NULL AND user_agent <> '' GROUP BY ALL ORDER BY requests DESC, name LIMIT $limit
