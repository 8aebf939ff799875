-- ClickHouse version of ../top-talkers.sql (same rows, same order). Both sides of each connection
-- are summed in one scan (arrayJoin of an (address, sent, received) pair per side); the winners are
-- computed once into a temporary table, which the peers' subquery and the final join read.
WITH winners AS MATERIALIZED (
  SELECT s.1 AS w_host, sum(s.2) AS w_sent, sum(s.3) AS w_received, count() AS w_connections
  FROM (SELECT arrayJoin([(id_orig_h, coalesce(orig_ip_bytes, 0), coalesce(resp_ip_bytes, 0)), (id_resp_h, coalesce(resp_ip_bytes, 0), coalesce(orig_ip_bytes, 0))]) AS s FROM conn)
  WHERE s.1 IS NOT NULL
  GROUP BY w_host ORDER BY w_sent + w_received DESC, w_connections DESC, w_host LIMIT $limit
),
peers AS (
  SELECT p_host, uniqExact(p_peer) AS p_peers FROM (
    SELECT id_orig_h AS p_host, id_resp_h AS p_peer FROM conn WHERE id_orig_h IN (SELECT w_host FROM winners)
    UNION ALL
    SELECT id_resp_h AS p_host, id_orig_h AS p_peer FROM conn WHERE id_resp_h IN (SELECT w_host FROM winners)
  ) GROUP BY p_host
)
SELECT extract(w_host, '(?s)^.{0,200}') AS host, w_sent + w_received AS bytes, w_sent AS sent, w_received AS received, w_connections AS connections,
  coalesce(p_peers, 0) AS peers
FROM winners AS w ANY LEFT JOIN peers AS p ON w_host = p_host ORDER BY bytes DESC, connections DESC, w_host
