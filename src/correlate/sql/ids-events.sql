-- Alerts of other sensors: Suricata alerts per rule, source and destination; Zeek notices per
-- note, source and destination. Priority is Suricata's (1 highest); notices count as 2.
SELECT 'suricata' AS source, min(ts) AS ts, max(ts) AS end_ts, src_ip AS src, dest_ip AS dst,
  any_value(signature) AS title, any_value(category) AS category, min(severity) AS priority, count(*) AS n,
  min(source_file) AS file, min(source_line) AS line
FROM suricata_alert
GROUP BY src_ip, dest_ip, signature_id
UNION ALL
SELECT 'notice', min(ts), max(ts), coalesce(src, id_orig_h), coalesce(dst, id_resp_h),
  note, any_value(msg), 2, count(*), NULL, NULL
FROM notice
WHERE coalesce(src, id_orig_h) IS NOT NULL
GROUP BY note, coalesce(src, id_orig_h), coalesce(dst, id_resp_h)
ORDER BY ts, source, src, dst, title
LIMIT 100000
