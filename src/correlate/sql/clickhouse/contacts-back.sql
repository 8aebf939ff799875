-- ClickHouse version of ../contacts-back.sql (same rows, same order). $candidates: an array of
-- (key, host, since, attackers) tuples as text (see list-param.ts), ClickHouse 18.16 having no JSON functions.
WITH pairs AS (
  SELECT tupleElement(c, 1) AS p_key, toNullable(tupleElement(c, 2)) AS p_host, tupleElement(c, 3) AS p_since,
    toNullable(arrayJoin(tupleElement(c, 4))) AS p_attacker
  FROM (SELECT arrayJoin(CAST($candidates AS Array(Tuple(String, String, Float64, Array(String))))) AS c)
)
SELECT p_key AS key, id_resp_h AS attacker, count() AS connections, min(ts) AS first, arraySlice(arraySort(groupUniqArray(id_resp_p)), 1, 5) AS ports
FROM conn AS c ALL INNER JOIN pairs AS p ON c.id_orig_h = p.p_host AND c.id_resp_h = p.p_attacker
WHERE ts >= p_since
GROUP BY p_key, id_resp_h
ORDER BY key, first, attacker
