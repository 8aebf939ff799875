-- Connections between two addresses (either direction), optionally limited to given uids.
-- $src/$dst: the case's source and destination; $uids: a JSON array of uids, or [] for all.
SELECT uid, proto, id_orig_h = $src AS forward,
       id_orig_h, id_orig_p, id_resp_h, id_resp_p, vlan, inner_vlan, orig_l2_addr, resp_l2_addr
FROM conn
WHERE ((id_orig_h = $src AND id_resp_h = $dst) OR (id_orig_h = $dst AND id_resp_h = $src))
  AND (json_array_length($uids) = 0 OR list_contains(from_json($uids, '["VARCHAR"]'), uid))
ORDER BY ts, uid
LIMIT $limit
