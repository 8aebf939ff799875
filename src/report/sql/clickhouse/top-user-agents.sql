-- ClickHouse version of ../top-user-agents.sql (same rows, same order).
SELECT extract(user_agent, '(?s)^.{0,200}') AS name, count() AS requests, uniqExact(id_orig_h) AS clients
FROM http WHERE user_agent IS NOT NULL AND user_agent <> '' GROUP BY name ORDER BY requests DESC, name LIMIT $limit
