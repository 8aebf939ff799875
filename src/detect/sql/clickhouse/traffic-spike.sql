-- ClickHouse version of ../traffic-spike.sql (same rows, same order). Medians are interpolated
-- from sorted arrays as DuckDB's median; the minute prints as DuckDB prints a DOUBLE ("….0");
-- the top talker and its top peer, when tied, are the first stored.
-- struct: detail(measure, amount, median, mad)
-- bool: new_talker
WITH minutes AS (
  SELECT floor(ts / 60) * 60 AS mi_minute, count() AS mi_conns, sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) AS mi_packets,
    sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) AS mi_bytes
  FROM conn GROUP BY mi_minute
),
measures AS MATERIALIZED (
  SELECT mi_minute AS me_minute, 'connections' AS me_measure, toFloat64(mi_conns) AS me_amount FROM minutes
  UNION ALL SELECT mi_minute AS me_minute, 'packets' AS me_measure, toFloat64(mi_packets) AS me_amount FROM minutes
  UNION ALL SELECT mi_minute AS me_minute, 'bytes' AS me_measure, toFloat64(mi_bytes) AS me_amount FROM minutes
  UNION ALL SELECT floor(ts / 60) * 60 AS me_minute, concat(coalesce(nullIf(splitByChar(',', coalesce(service, ''))[1], ''), proto), ' connections') AS me_measure,
    toFloat64(count()) AS me_amount FROM conn GROUP BY me_minute, me_measure
),
baselines AS (
  SELECT me_measure AS b_measure, arraySort(groupArray(me_amount)) AS b_sorted, length(b_sorted) AS b_n,
    b_sorted[intDiv(b_n - 1, 2) + 1] + (b_sorted[intDiv(b_n, 2) + 1] - b_sorted[intDiv(b_n - 1, 2) + 1]) * 0.5 AS b_med,
    arraySort(arrayMap(a -> abs(a - b_med), b_sorted)) AS b_dev,
    b_dev[intDiv(b_n - 1, 2) + 1] + (b_dev[intDiv(b_n, 2) + 1] - b_dev[intDiv(b_n - 1, 2) + 1]) * 0.5 AS b_mad
  FROM measures GROUP BY me_measure
),
spikes AS MATERIALIZED (
  SELECT me_minute AS sp_minute, arrayMap(x -> x.1, arraySort(groupArray((me_measure, me_amount, b_med, b_mad)))) AS sp_spiking,
    max(me_amount / greatest(b_med, 1)) AS sp_ratio, arraySort(groupArray((me_measure, me_amount, b_med, b_mad))) AS sp_detail
  FROM measures AS m ALL INNER JOIN (SELECT b_measure, b_med, b_mad, b_n FROM baselines) AS b ON me_measure = b_measure
  WHERE b_n >= $min_minutes AND me_amount > b_med + $mad_factor * 1.4826 * greatest(b_mad, 1) AND me_amount >= $min_ratio * greatest(b_med, 1)
  GROUP BY me_minute
),
peer_counts AS (
  SELECT t_minute, id_orig_h AS t_host, id_resp_h AS t_peer, count() AS t_n, min((_batch, _row)) AS t_stored,
    groupArray((ts, _batch, _row, uid)) AS t_uids
  FROM (SELECT floor(ts / 60) * 60 AS t_minute, ts, uid, id_orig_h, id_resp_h, _batch, _row FROM conn) AS c
  ALL INNER JOIN (SELECT sp_minute FROM spikes) AS s ON t_minute = s.sp_minute
  GROUP BY t_minute, t_host, t_peer
),
talkers AS (
  SELECT t_minute AS ta_minute, t_host AS ta_host, sum(t_n) AS ta_conns, countIf(t_peer IS NOT NULL) AS ta_peers,
    argMinIf(t_peer, (-t_n, t_stored), t_peer IS NOT NULL) AS ta_top_peer, min(t_stored) AS ta_stored,
    arraySlice(arrayMap(x -> x.4, arraySort(groupArrayArray(t_uids))), 1, 20) AS ta_uids
  FROM peer_counts GROUP BY t_minute, t_host
),
top AS (
  SELECT ta_minute AS to_minute, argMin(ta_host, (-ta_conns, ta_stored)) AS to_host, max(ta_conns) AS to_conns,
    argMin(ta_peers, (-ta_conns, ta_stored)) AS to_peers, argMin(ta_top_peer, (-ta_conns, ta_stored)) AS to_top_peer,
    argMin(ta_uids, (-ta_conns, ta_stored)) AS to_uids
  FROM talkers GROUP BY ta_minute
),
top_first AS (
  SELECT * FROM top AS t ALL INNER JOIN (SELECT id_orig_h AS f_host, min(ts) AS f_first FROM conn GROUP BY f_host) AS f ON to_host = f_host
)
SELECT concat('minute:', toString(toInt64(sp_minute)), '.0') AS key, to_host AS src, [to_top_peer] AS dst, sp_minute AS first_seen, sp_minute + 60 AS last_seen,
  least(1.0, 0.3 + sp_ratio / 100) AS score, sp_spiking AS spiking, sp_ratio AS ratio, sp_detail AS detail, to_conns AS talker_connections,
  to_peers AS talker_peers, f_first >= sp_minute AS new_talker, to_uids AS uids
FROM spikes AS s ALL INNER JOIN top_first AS t ON sp_minute = to_minute
ORDER BY first_seen, key
