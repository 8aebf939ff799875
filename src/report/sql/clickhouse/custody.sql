-- ClickHouse version of ../custody.sql (the same query: both dialects read it alike).
SELECT path, format, sha256, file_bytes, packets, first_ts, last_ts, tracer_version, finished
FROM ingests ORDER BY id
