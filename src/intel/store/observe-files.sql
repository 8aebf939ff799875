-- Hashes of transferred files.
SELECT 'hash' AS kind, md5 AS value, ts, uid FROM files
UNION ALL
SELECT 'hash' AS kind, sha1 AS value, ts, uid FROM files
UNION ALL
SELECT 'hash' AS kind, sha256 AS value, ts, uid FROM files
