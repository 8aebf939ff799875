-- Port scans: vertical (one host, many ports), horizontal (many hosts), block (both), ARP sweeps
-- (who-has for $min_hosts addresses) and IP-protocol scans (nmap -sO: $min_ports protocols answered
-- with ICMP protocol unreachable, or ICMPv6 unrecognised next header),
-- from probe connections (TCP with no payload either way; UDP without a reply payload).
-- Zeek's scan policy: $min_ports ports or $min_hosts hosts within $window_s seconds;
-- slow scans: $slow_min_ports / $slow_min_hosts over the whole store.
-- DuckDB CLI: PREPARE q AS <this file>; EXECUTE q(window_s := 300, min_ports := 15, ...);
WITH probes AS MATERIALIZED (
  SELECT ts, uid, id_orig_h AS src, id_resp_h AS dst, id_resp_p AS port, floor(ts / $window_s) AS win,
    CASE
      WHEN proto = 'udp' THEN 'UDP'
      WHEN history LIKE 'S%h%A%' THEN 'connect'
      WHEN history LIKE 'S%' THEN 'SYN'
      WHEN history LIKE 'F%' THEN 'FIN/Xmas'
      WHEN history LIKE 'A%' THEN 'ACK'
      WHEN regexp_replace(coalesce(history, ''), '[a-z^]', '', 'g') = '' THEN 'NULL'
      ELSE 'other' END AS scan_type,
    history LIKE '%h%' OR (proto = 'udp' AND coalesce(resp_bytes, 0) > 0) AS open
  FROM conn
  WHERE (proto = 'tcp' AND coalesce(orig_bytes, 0) = 0 AND coalesce(resp_bytes, 0) = 0 AND history NOT LIKE '^%')
     OR (proto = 'udp' AND coalesce(resp_bytes, 0) = 0 AND coalesce(orig_pkts, 0) > 0)
),
vertical_peaks AS (
  SELECT src, dst, max(n) AS peak FROM (SELECT src, dst, win, count(DISTINCT port) AS n FROM probes GROUP BY ALL) GROUP BY ALL
),
horizontal_peaks AS (
  SELECT src, max(n) AS peak FROM (SELECT src, win, count(DISTINCT dst) AS n FROM probes GROUP BY ALL) GROUP BY ALL
),
vertical AS (
  SELECT 'vertical' AS kind, p.src, p.dst AS target, any_value(v.peak) AS peak, count(DISTINCT p.port) AS ports, 1 AS hosts,
    count(*) AS probes, min(ts) AS first_seen, max(ts) AS last_seen, CASE WHEN bool_or(scan_type = 'connect') THEN 'connect' ELSE mode(scan_type) END AS scan_type,
    coalesce(list_sort(list(DISTINCT port) FILTER (WHERE open)), []) AS open_ports, list(uid ORDER BY ts)[1:20] AS uids
  FROM probes p JOIN vertical_peaks v ON p.src = v.src AND p.dst = v.dst
  GROUP BY p.src, p.dst
  HAVING any_value(v.peak) >= $min_ports OR count(DISTINCT p.port) >= $slow_min_ports
),
horizontal AS (
  SELECT CASE WHEN count(DISTINCT p.port) >= $min_ports THEN 'block' ELSE 'horizontal' END AS kind, p.src,
    min(p.dst) || ' … ' || max(p.dst) AS target, any_value(h.peak) AS peak, count(DISTINCT p.port) AS ports,
    count(DISTINCT p.dst) AS hosts, count(*) AS probes, min(ts) AS first_seen, max(ts) AS last_seen, CASE WHEN bool_or(scan_type = 'connect') THEN 'connect' ELSE mode(scan_type) END AS scan_type,
    coalesce(list_sort(list(DISTINCT port) FILTER (WHERE open)), []) AS open_ports, list(uid ORDER BY ts)[1:20] AS uids
  FROM probes p JOIN horizontal_peaks h ON p.src = h.src
  GROUP BY p.src
  HAVING any_value(h.peak) >= $min_hosts OR count(DISTINCT p.dst) >= $slow_min_hosts
),
arp_sweep AS (
  SELECT 'arp_sweep' AS kind, sender_ip AS src, min(target_ip) || ' … ' || max(target_ip) AS target, count(DISTINCT target_ip) AS peak, 0 AS ports,
    count(DISTINCT target_ip) AS hosts, count(*) AS probes, min(ts) AS first_seen, max(ts) AS last_seen, 'ARP' AS scan_type,
    []::INTEGER[] AS open_ports, []::VARCHAR[] AS uids
  FROM arp WHERE operation = 1 AND NOT gratuitous AND sender_ip <> '0.0.0.0'
  GROUP BY sender_ip HAVING count(DISTINCT target_ip) >= $min_hosts
),
protocol AS (
  SELECT 'protocol' AS kind, id_resp_h AS src, id_orig_h AS target, sum(orig_pkts) AS peak, sum(orig_pkts) AS ports, 1 AS hosts,
    sum(orig_pkts) AS probes, min(ts) AS first_seen, max(ts + coalesce(duration, 0)) AS last_seen, 'IP-protocol' AS scan_type,
    []::INTEGER[] AS open_ports, list(uid ORDER BY ts)[1:20] AS uids
  FROM conn
  WHERE proto = 'icmp' AND ((id_orig_p = 3 AND id_resp_p = 2) OR (id_orig_p = 4 AND id_resp_p = 1 AND id_orig_h LIKE '%:%'))
  GROUP BY id_resp_h, id_orig_h HAVING sum(orig_pkts) >= $min_ports
),
found AS (SELECT * FROM vertical UNION ALL SELECT * FROM horizontal UNION ALL SELECT * FROM arp_sweep UNION ALL SELECT * FROM protocol)
SELECT kind || ':' || src || '>' || target AS key, src, [target] AS dst, first_seen, last_seen,
  least(1.0, 0.4 + 0.6 * greatest(ports / ($min_ports * 10.0), hosts / ($min_hosts * 10.0))) AS score,
  kind, target, peak, ports, hosts, probes, scan_type, open_ports, uids,
  peak < CASE WHEN kind IN ('vertical', 'protocol') THEN $min_ports ELSE $min_hosts END AS slow
FROM found
ORDER BY first_seen, key
