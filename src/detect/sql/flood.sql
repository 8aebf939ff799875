-- Floods and DoS: traffic onto one victim with no answer from it. Per connection the victim is the
-- responder (one-way originator traffic) or the originator (unsolicited replies, Zeek history "^"):
-- SYN floods (half-open surges), TCP backscatter/reflection, UDP floods, ICMP floods, and
-- amplification (large UDP replies from the reflector ports in $amp_ports onto one victim).
-- Peak packets/s from the connections' start second. Thresholds: $min_packets and $min_pps,
-- SYN and UDP floods hit at most $max_victim_ports ports (more is a scan); amplification $amp_min_bytes from $amp_min_reflectors reflectors; $spoof_min_sources sources = spoofed.
WITH one_way AS (
  SELECT ts, uid,
    CASE WHEN coalesce(resp_pkts, 0) = 0 THEN id_resp_h ELSE id_orig_h END AS victim,
    CASE WHEN coalesce(resp_pkts, 0) = 0 THEN id_orig_h ELSE id_resp_h END AS sender,
    CASE WHEN coalesce(resp_pkts, 0) = 0 THEN id_resp_p ELSE id_orig_p END AS victim_port,
    CASE WHEN coalesce(resp_pkts, 0) = 0 THEN id_orig_p ELSE id_resp_p END AS sender_port,
    CASE WHEN coalesce(resp_pkts, 0) = 0 THEN orig_pkts ELSE resp_pkts END AS pkts,
    CASE WHEN coalesce(resp_pkts, 0) = 0 THEN orig_ip_bytes ELSE resp_ip_bytes END AS bytes,
    proto, history
  FROM conn
  WHERE (coalesce(resp_pkts, 0) = 0 AND orig_pkts > 0) OR (coalesce(orig_pkts, 0) = 0 AND resp_pkts > 0)
),
typed AS (
  SELECT *, CASE
      WHEN proto = 'udp' AND list_contains(string_split($amp_ports, ',')::INTEGER[], sender_port) THEN 'amplification'
      WHEN proto = 'udp' THEN 'udp_flood'
      WHEN proto = 'icmp' THEN 'icmp_flood'
      WHEN history LIKE 'S%' THEN 'syn_flood'
      ELSE 'tcp_reflection' END AS kind
  FROM one_way
),
per_second AS (
  SELECT victim, kind, max(p) AS peak_pps, max(b) * 8 AS peak_bps
  FROM (SELECT victim, kind, floor(ts) AS sec, sum(pkts) AS p, sum(bytes) AS b FROM typed GROUP BY ALL) GROUP BY ALL
),
grouped AS (
  SELECT t.victim, t.kind, count(*) AS conns, count(DISTINCT sender) AS sources, sum(pkts) AS packets, sum(bytes) AS bytes,
    min(ts) AS first_seen, max(ts) AS last_seen, mode(victim_port) AS top_port, count(DISTINCT victim_port) AS ports,
    any_value(s.peak_pps) AS peak_pps, any_value(s.peak_bps) AS peak_bps, list(DISTINCT sender ORDER BY sender)[1:10] AS sample_sources,
    list(uid ORDER BY ts)[1:20] AS uids
  FROM typed t JOIN per_second s ON t.victim = s.victim AND t.kind = s.kind
  GROUP BY t.victim, t.kind
)
SELECT kind || ':' || victim AS key, CASE WHEN sources = 1 THEN sample_sources[1] ELSE sources || ' sources' END AS src,
  [victim] AS dst, first_seen, last_seen,
  least(1.0, CASE WHEN kind = 'amplification' THEN bytes / ($amp_min_bytes * 10.0) ELSE packets / ($min_packets * 10.0) END + 0.5) AS score,
  kind, victim, conns, sources, packets, bytes, peak_pps, peak_bps, last_seen - first_seen AS duration, top_port, ports,
  sources >= $spoof_min_sources AS spoofed, sample_sources, uids
FROM grouped
WHERE CASE WHEN kind = 'amplification' THEN bytes >= $amp_min_bytes AND sources >= $amp_min_reflectors
           WHEN kind IN ('syn_flood', 'udp_flood') THEN packets >= $min_packets AND peak_pps >= $min_pps AND ports <= $max_victim_ports
           ELSE packets >= $min_packets AND peak_pps >= $min_pps END
ORDER BY first_seen, key
