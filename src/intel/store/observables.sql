-- Every distinct observable of a store with where it was first seen and how often.
-- {sources} is replaced by the UNION ALL of the observe-*.sql files whose table exists;
-- kind 'host' (an HTTP host or a DNS answer) becomes 'ip' or 'domain' by its text.
SELECT kind, value, min(ts) AS first_ts, arg_min(uid, ts) AS uid, count(*) AS seen
FROM (
  SELECT CASE WHEN kind <> 'host' THEN kind
              WHEN regexp_full_match(value, '[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*') THEN 'ip'
              ELSE 'domain' END AS kind,
         value, ts, uid
  FROM ({sources}) AS raw
) AS observed
WHERE value IS NOT NULL AND value <> ''
GROUP BY kind, value
ORDER BY first_ts, kind, value
