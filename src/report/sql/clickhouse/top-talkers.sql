-- ClickHouse version of ../top-talkers.sql (same rows, same order). The winners are computed once
-- into a temporary table; the peers' subquery and the final join read it.
WITH per_side AS (
  SELECT id_orig_h AS s_host, sum(coalesce(orig_ip_bytes, 0)) AS s_sent, sum(coalesce(resp_ip_bytes, 0)) AS s_received, count() AS s_connections FROM conn GROUP BY id_orig_h
  UNION ALL
  SELECT id_resp_h AS s_host, sum(coalesce(resp_ip_bytes, 0)) AS s_sent, sum(coalesce(orig_ip_bytes, 0)) AS s_received, count() AS s_connections FROM conn GROUP BY id_resp_h
),
winners AS MATERIALIZED (
  SELECT s_host AS w_host, sum(s_sent) AS w_sent, sum(s_received) AS w_received, sum(s_connections) AS w_connections FROM per_side WHERE s_host IS NOT NULL
  GROUP BY s_host ORDER BY w_sent + w_received DESC, w_connections DESC, w_host LIMIT $limit
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
