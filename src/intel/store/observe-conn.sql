-- Both ends of every connection.
SELECT 'ip' AS kind, id_orig_h AS value, ts, uid FROM conn
UNION ALL
SELECT 'ip' AS kind, id_resp_h AS value, ts, uid FROM conn
