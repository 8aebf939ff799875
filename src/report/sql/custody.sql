-- Every input read into the store, for the chain of custody, in ingest order.
SELECT path, format, sha256, file_bytes, packets, first_ts, last_ts, tracer_version, finished
FROM ingests ORDER BY id
