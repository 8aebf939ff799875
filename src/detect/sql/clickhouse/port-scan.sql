-- ClickHouse version of ../port-scan.sql (same rows, same order). mode() is the most frequent
-- scan type, the first seen among equals (as DuckDB's); lists follow storage order on equal ts.
-- bool: slow
WITH probes AS MATERIALIZED (
  SELECT ts, uid, _batch, _row, id_orig_h AS p_src, id_resp_h AS p_dst, id_resp_p AS p_port, floor(ts / $window_s) AS win,
    multiIf(proto = 'udp', 'UDP', history LIKE 'S%h%A%', 'connect', history LIKE 'S%', 'SYN', history LIKE 'F%', 'FIN/Xmas',
      history LIKE 'A%', 'ACK', replaceRegexpAll(coalesce(history, ''), '[a-z^]', '') = '', 'NULL', 'other') AS p_type,
    coalesce(history LIKE '%h%' OR (proto = 'udp' AND coalesce(resp_bytes, 0) > 0), 0) AS p_open
  FROM conn
  WHERE (proto = 'tcp' AND coalesce(orig_bytes, 0) = 0 AND coalesce(resp_bytes, 0) = 0 AND history NOT LIKE '^%')
     OR (proto = 'udp' AND coalesce(resp_bytes, 0) = 0 AND coalesce(orig_pkts, 0) > 0)
),
vertical_peaks AS (
  SELECT v_src, v_dst, max(n) AS v_peak
  FROM (SELECT p_src AS v_src, p_dst AS v_dst, win, uniqExact(p_port) AS n FROM probes GROUP BY v_src, v_dst, win) GROUP BY v_src, v_dst
),
horizontal_peaks AS (
  SELECT h_src, max(n) AS h_peak FROM (SELECT p_src AS h_src, win, uniqExact(p_dst) AS n FROM probes GROUP BY h_src, win) GROUP BY h_src
),
vertical AS (
  SELECT 'vertical' AS f_kind, p_src AS f_src, p_dst AS f_target, toUInt64(any(v_peak)) AS f_peak, toUInt64(uniqExact(p_port)) AS f_ports, toUInt64(1) AS f_hosts,
    toUInt64(count()) AS f_probes, min(ts) AS f_first, max(ts) AS f_last, groupArray((_batch, _row, p_type)) AS f_types,
    arraySort(groupUniqArrayIf(p_port, p_open)) AS f_open, arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20) AS f_uids
  FROM probes AS p ALL INNER JOIN vertical_peaks AS v ON p_src = v_src AND p_dst = v_dst
  GROUP BY p_src, p_dst
  HAVING any(v_peak) >= $min_ports OR uniqExact(p_port) >= $slow_min_ports
),
horizontal AS (
  SELECT if(uniqExact(p_port) >= $min_ports, 'block', 'horizontal') AS f_kind, p_src AS f_src,
    concat(min(p_dst), ' … ', max(p_dst)) AS f_target, toUInt64(any(h_peak)) AS f_peak, toUInt64(uniqExact(p_port)) AS f_ports,
    toUInt64(uniqExact(p_dst)) AS f_hosts, toUInt64(count()) AS f_probes, min(ts) AS f_first, max(ts) AS f_last, groupArray((_batch, _row, p_type)) AS f_types,
    arraySort(groupUniqArrayIf(p_port, p_open)) AS f_open, arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20) AS f_uids
  FROM probes AS p ALL INNER JOIN horizontal_peaks AS h ON p_src = h_src
  GROUP BY p_src
  HAVING any(h_peak) >= $min_hosts OR uniqExact(p_dst) >= $slow_min_hosts
),
arp_sweep AS (
  SELECT 'arp_sweep' AS f_kind, sender_ip AS f_src, concat(min(target_ip), ' … ', max(target_ip)) AS f_target, toUInt64(uniqExact(target_ip)) AS f_peak, toUInt64(0) AS f_ports,
    toUInt64(uniqExact(target_ip)) AS f_hosts, toUInt64(count()) AS f_probes, min(ts) AS f_first, max(ts) AS f_last, [('', toUInt32(0), 'ARP')] AS f_types,
    emptyArrayInt32() AS f_open, emptyArrayString() AS f_uids
  FROM arp WHERE operation = 1 AND NOT gratuitous AND sender_ip <> '0.0.0.0'
  GROUP BY sender_ip HAVING uniqExact(target_ip) >= $min_hosts
),
protocol AS (
  SELECT 'protocol' AS f_kind, id_resp_h AS f_src, id_orig_h AS f_target, toUInt64(sum(orig_pkts)) AS f_peak, toUInt64(sum(orig_pkts)) AS f_ports, toUInt64(1) AS f_hosts,
    toUInt64(sum(orig_pkts)) AS f_probes, min(ts) AS f_first, max(ts + coalesce(duration, 0)) AS f_last, [('', toUInt32(0), 'IP-protocol')] AS f_types,
    emptyArrayInt32() AS f_open, arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20) AS f_uids
  FROM conn
  WHERE proto = 'icmp' AND ((id_orig_p = 3 AND id_resp_p = 2) OR (id_orig_p = 4 AND id_resp_p = 1 AND id_orig_h LIKE '%:%'))
  GROUP BY id_resp_h, id_orig_h HAVING sum(orig_pkts) >= $min_ports
),
found AS (
  SELECT *, arrayMap(x -> x.3, arraySort(f_types)) AS f_seq, arrayDistinct(f_seq) AS f_kinds,
    arrayMap(k -> countEqual(f_seq, k), f_kinds) AS f_counts
  FROM (SELECT * FROM vertical UNION ALL SELECT * FROM horizontal UNION ALL SELECT * FROM arp_sweep UNION ALL SELECT * FROM protocol)
)
SELECT concat(f_kind, ':', f_src, '>', f_target) AS key, f_src AS src, [f_target] AS dst, f_first AS first_seen, f_last AS last_seen,
  least(1.0, 0.4 + 0.6 * greatest(f_ports / ($min_ports * 10.0), f_hosts / ($min_hosts * 10.0))) AS score,
  f_kind AS kind, f_target AS target, f_peak AS peak, f_ports AS ports, f_hosts AS hosts, f_probes AS probes,
  if(has(f_kinds, 'connect'), 'connect', f_kinds[indexOf(f_counts, arrayReduce('max', f_counts))]) AS scan_type, f_open AS open_ports, f_uids AS uids,
  f_peak < if(f_kind IN ('vertical', 'protocol'), $min_ports, $min_hosts) AS slow
FROM found
ORDER BY first_seen, key
