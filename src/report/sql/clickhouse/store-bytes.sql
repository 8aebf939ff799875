-- Bytes the store's tables take on the server's disks (a DuckDB store's size is its file's), for the chain of custody.
SELECT sum(bytes_on_disk) AS bytes FROM system.parts WHERE database = currentDatabase() AND active
