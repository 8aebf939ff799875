-- ClickHouse version of ../ids-events.sql (same rows, same order). Aggregates are named apart from
-- the columns they read (a ClickHouse alias replaces the column everywhere in its query); the
-- ORDER BY of the union sits outside it.
SELECT i_source AS source, i_ts AS ts, i_end AS end_ts, i_src AS src, i_dst AS dst, i_title AS title, i_category AS category,
  i_priority AS priority, i_n AS n, i_file AS file, i_line AS line
FROM (
  SELECT 'suricata' AS i_source, min(ts) AS i_ts, max(ts) AS i_end, src_ip AS i_src, dest_ip AS i_dst, any(signature) AS i_title,
    any(category) AS i_category, min(severity) AS i_priority, count() AS i_n, min(source_file) AS i_file, min(source_line) AS i_line
  FROM suricata_alert
  GROUP BY src_ip, dest_ip, signature_id
  UNION ALL
  SELECT 'notice' AS i_source, min(ts) AS i_ts, max(ts) AS i_end, coalesce(src, id_orig_h) AS i_src, coalesce(dst, id_resp_h) AS i_dst,
    note AS i_title, any(msg) AS i_category, toNullable(toInt64(2)) AS i_priority, count() AS i_n,
    CAST(NULL AS Nullable(String)) AS i_file, CAST(NULL AS Nullable(Int64)) AS i_line
  FROM notice
  WHERE coalesce(src, id_orig_h) IS NOT NULL
  GROUP BY note, i_src, i_dst
)
ORDER BY ts, source, src, dst, title
LIMIT 100000
