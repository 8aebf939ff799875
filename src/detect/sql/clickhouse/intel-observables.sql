-- ClickHouse version of src/intel/store/observables.sql with every observe-*.sql source (the
-- analysis views create any missing table first): each distinct observable with where it was
-- first seen and how often. Among equal first times the uid is the one DuckDB meets first
-- (sources in order, then storage order).
SELECT o_kind AS kind, o_value AS value, min(ts) AS first_ts, argMin(uid, (ts, o_source, _batch, _row)) AS uid, count() AS seen
FROM (
  SELECT multiIf(kind <> 'host', kind, match(value, '^(?:[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$'), 'ip', 'domain') AS o_kind,
    value AS o_value, ts, uid, source AS o_source, _batch, _row
  FROM (
    SELECT 'ip' AS kind, id_orig_h AS value, ts, uid, 1 AS source, _batch, _row FROM conn
    UNION ALL SELECT 'ip' AS kind, id_resp_h AS value, ts, uid, 2 AS source, _batch, _row FROM conn
    UNION ALL SELECT 'domain' AS kind, query AS value, ts, uid, 3 AS source, _batch, _row FROM dns
    UNION ALL SELECT 'host' AS kind, toNullable(arrayJoin(answers)) AS value, ts, uid, 4 AS source, _batch, _row FROM dns
    UNION ALL SELECT 'host' AS kind, replaceRegexpOne(host, ':[0-9]+$', '') AS value, ts, uid, 5 AS source, _batch, _row FROM http
    UNION ALL SELECT 'url' AS kind, concat(host, uri) AS value, ts, uid, 6 AS source, _batch, _row FROM http WHERE host IS NOT NULL AND uri IS NOT NULL
    UNION ALL SELECT 'domain' AS kind, server_name AS value, ts, uid, 7 AS source, _batch, _row FROM ssl
    UNION ALL SELECT 'hash' AS kind, md5 AS value, ts, uid, 8 AS source, _batch, _row FROM files
    UNION ALL SELECT 'hash' AS kind, sha1 AS value, ts, uid, 9 AS source, _batch, _row FROM files
    UNION ALL SELECT 'hash' AS kind, sha256 AS value, ts, uid, 10 AS source, _batch, _row FROM files
  )
)
WHERE o_value IS NOT NULL AND o_value <> ''
GROUP BY o_kind, o_value
ORDER BY first_ts, kind, value
