-- ClickHouse version of ../flood.sql (same rows, same order). The top port (mode) is the most
-- frequent, the first seen among equals; 18.16 joins once per SELECT, so the per-victim figures
-- are joined together first.
-- bool: spoofed
WITH one_way AS MATERIALIZED (
  SELECT ts, uid, _batch, _row, coalesce(resp_pkts, 0) = 0 AS o_fwd,
    if(o_fwd, id_resp_h, id_orig_h) AS o_victim, if(o_fwd, id_orig_h, id_resp_h) AS o_sender,
    if(o_fwd, id_resp_p, id_orig_p) AS o_victim_port, if(o_fwd, id_orig_p, id_resp_p) AS o_sender_port,
    if(o_fwd, orig_pkts, resp_pkts) AS o_pkts, if(o_fwd, orig_ip_bytes, resp_ip_bytes) AS o_bytes,
    multiIf(proto = 'udp' AND ifNull(o_sender_port, -1) IN (SELECT toInt32(arrayJoin(splitByChar(',', $amp_ports)))), 'amplification',
      proto = 'udp', 'udp_flood', proto = 'icmp', 'icmp_flood', history LIKE 'S%', 'syn_flood', 'tcp_reflection') AS o_kind
  FROM conn
  WHERE ((coalesce(resp_pkts, 0) = 0 AND orig_pkts > 0) OR (coalesce(orig_pkts, 0) = 0 AND resp_pkts > 0))
    AND if(coalesce(resp_pkts, 0) = 0, id_resp_h, id_orig_h) IS NOT NULL
),
per_second AS (
  SELECT s_victim, s_kind, max(p) AS s_pps, max(b) * 8 AS s_bps
  FROM (SELECT o_victim AS s_victim, o_kind AS s_kind, floor(ts) AS sec, sum(o_pkts) AS p, sum(o_bytes) AS b FROM one_way GROUP BY s_victim, s_kind, sec)
  GROUP BY s_victim, s_kind
),
top_ports AS (
  SELECT t_victim, t_kind, argMin(t_port, (-n, first)) AS t_top
  FROM (SELECT o_victim AS t_victim, o_kind AS t_kind, o_victim_port AS t_port, count() AS n, min((_batch, _row)) AS first
        FROM one_way WHERE o_victim_port IS NOT NULL GROUP BY t_victim, t_kind, t_port)
  GROUP BY t_victim, t_kind
),
victims AS (
  SELECT s_victim AS v_victim, s_kind AS v_kind, s_pps AS v_pps, s_bps AS v_bps, t_top AS v_top
  FROM per_second AS s ANY LEFT JOIN top_ports AS t ON s_victim = t_victim AND s_kind = t_kind
),
grouped AS (
  SELECT o_victim AS g_victim, o_kind AS g_kind, count() AS g_conns, uniqExact(o_sender) AS g_sources, sum(o_pkts) AS g_packets, sum(o_bytes) AS g_bytes,
    min(ts) AS g_first, max(ts) AS g_last, any(v_top) AS g_top_port, uniqExact(o_victim_port) AS g_ports,
    any(v_pps) AS g_pps, any(v_bps) AS g_bps, arraySlice(arraySort(groupUniqArray(o_sender)), 1, 10) AS g_samples,
    arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20) AS g_uids
  FROM one_way AS o ALL INNER JOIN victims AS v ON o_victim = v_victim AND o_kind = v_kind
  GROUP BY o_victim, o_kind
)
SELECT concat(g_kind, ':', g_victim) AS key, if(g_sources = 1, g_samples[1], concat(toString(g_sources), ' sources')) AS src,
  [g_victim] AS dst, g_first AS first_seen, g_last AS last_seen,
  least(1.0, if(g_kind = 'amplification', g_bytes / ($amp_min_bytes * 10.0), g_packets / ($min_packets * 10.0)) + 0.5) AS score,
  g_kind AS kind, g_victim AS victim, g_conns AS conns, g_sources AS sources, g_packets AS packets, g_bytes AS bytes, g_pps AS peak_pps, g_bps AS peak_bps,
  g_last - g_first AS duration, g_top_port AS top_port, g_ports AS ports,
  g_sources >= $spoof_min_sources AS spoofed, g_samples AS sample_sources, g_uids AS uids
FROM grouped
WHERE multiIf(g_kind = 'amplification', g_bytes >= $amp_min_bytes AND g_sources >= $amp_min_reflectors,
  g_kind IN ('syn_flood', 'udp_flood'), g_packets >= $min_packets AND g_pps >= $min_pps AND g_ports <= $max_victim_ports,
  g_packets >= $min_packets AND g_pps >= $min_pps)
ORDER BY first_seen, key
