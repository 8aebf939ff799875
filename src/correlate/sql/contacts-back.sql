-- Connections $host opened to any of $attackers (comma-separated) from $since on: a victim calling its attacker back.
SELECT id_resp_h AS attacker, count(*) AS connections, min(ts) AS first, list(DISTINCT id_resp_p ORDER BY id_resp_p)[1:5] AS ports
FROM conn
WHERE id_orig_h = $host AND list_contains(string_split($attackers, ','), id_resp_h) AND ts >= $since
GROUP BY id_resp_h
ORDER BY first
