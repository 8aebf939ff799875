-- Connections each candidate host opened to its attackers from the time it was attacked: a victim
-- calling its attacker back. $candidates: JSON [{key, host, since, attackers: [..]}].
WITH candidates AS (
  SELECT unnest(from_json($candidates, '[{"key":"VARCHAR","host":"VARCHAR","since":"DOUBLE","attackers":["VARCHAR"]}]'), recursive := true)
),
pairs AS (SELECT key, host, since, unnest(attackers) AS attacker FROM candidates)
SELECT p.key, c.id_resp_h AS attacker, count(*) AS connections, min(c.ts) AS first, list(DISTINCT c.id_resp_p ORDER BY c.id_resp_p)[1:5] AS ports
FROM pairs p JOIN conn c ON c.id_orig_h = p.host AND c.id_resp_h = p.attacker AND c.ts >= p.since
GROUP BY p.key, c.id_resp_h
ORDER BY p.key, first, attacker
