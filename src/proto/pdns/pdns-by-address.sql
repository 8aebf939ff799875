-- Passive DNS over the whole store: for each answered address, every name it
-- was given for, first/last seen and how many times (rows of the pdns stream
-- are per connection). Runs unchanged in the DuckDB CLI.
SELECT answer,
       query,
       min(first_seen) AS first_seen,
       max(last_seen)  AS last_seen,
       sum(count)      AS count,
       count(DISTINCT uid) AS connections
FROM pdns
GROUP BY answer, query
ORDER BY answer, first_seen, query;
