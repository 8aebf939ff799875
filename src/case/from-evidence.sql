-- Connections between two addresses (either direction), optionally limited to given uids.
-- $src/$dst: the case's source and destination; $uids: list of uids or an empty list for all.
SELECT uid, proto, id_orig_h = $src AS forward,
       id_orig_h, id_orig_p, id_resp_h, id_resp_p, vlan, inner_vlan, orig_l2_addr, resp_l2_addr
FROM conn
WHERE ((id_orig_h = $src AND id_resp_h = $dst) OR (id_orig_h = $dst AND id_resp_h = $src))
  AND (len($uids) = 0 OR list_contains($uids, uid))
ORDER BY ts, uid
LIMIT $limit
