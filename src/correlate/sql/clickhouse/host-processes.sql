-- ClickHouse version of ../host-processes.sql (same rows, same order). $uids: an array of uids as
-- text (see list-param.ts). Joins read only the left side's key columns (18.16 leaves the right side's NULL).
WITH c AS MATERIALIZED (
  SELECT uid AS c_uid, ts AS c_ts, id_orig_h AS c_orig, id_orig_p AS c_orig_p, id_resp_h AS c_resp, id_resp_p AS c_resp_p, proto AS c_proto
  FROM conn WHERE uid IN (SELECT arrayJoin(CAST($uids AS Array(String))))
)
SELECT uid, ts, remote, remote_p, source, host, process, pid, exe, user, lineage FROM (
  SELECT c_uid AS uid, c_ts AS ts, c_resp AS remote, c_resp_p AS remote_p, 'host_conns' AS source, c_orig AS host,
    h.name AS process, h.pid AS pid, h.exe AS exe, h.user AS user, h.ancestry AS lineage
  FROM c ALL INNER JOIN host_conns AS h ON c_orig = h.local_h AND c_orig_p = h.local_p AND c_resp_p = h.remote_p AND c_proto = h.proto
  WHERE c_ts >= h.prev_poll - 2 AND c_ts <= h.ts + 2
  UNION ALL
  SELECT c_uid AS uid, c_ts AS ts, c_resp AS remote, c_resp_p AS remote_p, 'sysmon_conns' AS source, s.host AS host,
    s.image AS process, s.pid AS pid, s.image AS exe, s.user AS user, emptyArrayString() AS lineage
  FROM c ALL INNER JOIN sysmon_conns AS s ON c_orig = s.src_ip AND c_orig_p = s.src_port AND c_resp = s.dst_ip AND c_resp_p = s.dst_port
  WHERE abs(s.ts - c_ts) <= 5
)
ORDER BY ts, uid, source, host, process, pid
LIMIT 100000
