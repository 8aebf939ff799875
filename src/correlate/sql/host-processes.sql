-- The processes behind connections ($uids: a JSON array of uids), from the host sensor (tracer host watch: same local
-- address and port, remote port and protocol, born around the connection's first packet) and
-- from Sysmon event 3 (same 5-tuple within 5 s).
WITH c AS (
  SELECT uid, ts, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto FROM conn
  SEMI JOIN (SELECT unnest(from_json($uids, '["VARCHAR"]')) AS uid) u USING (uid)
)
SELECT c.uid, c.ts, c.id_resp_h AS remote, c.id_resp_p AS remote_p, 'host_conns' AS source, h.local_h AS host,
  h.name AS process, h.pid, h.exe, h.user, h.ancestry AS lineage
FROM c JOIN host_conns h ON h.local_h = c.id_orig_h AND h.local_p = c.id_orig_p AND h.remote_p = c.id_resp_p
  AND h.proto::VARCHAR = c.proto::VARCHAR AND c.ts BETWEEN h.prev_poll - 2 AND h.ts + 2
UNION ALL
SELECT c.uid, c.ts, c.id_resp_h, c.id_resp_p, 'sysmon_conns', s.host, s.image, s.pid, s.image, s.user, []::VARCHAR[]
FROM c JOIN sysmon_conns s ON s.src_ip = c.id_orig_h AND s.src_port = c.id_orig_p AND s.dst_ip = c.id_resp_h
  AND s.dst_port = c.id_resp_p AND abs(s.ts - c.ts) <= 5
ORDER BY ts, uid, source, host, process, pid
LIMIT 100000
