-- ARP spoofing: an IP claimed by $min_macs or more MACs (the later claimant is the suspect), and
-- one MAC claiming $min_ips or more IPs (a host answering for the gateway too), and gratuitous ARP
-- storms ($min_gratuitous gratuitous messages from one MAC within $window_s seconds).
WITH claims AS (
  SELECT sender_ip AS ip, sender_mac AS mac, min(ts) AS first_seen, max(ts) AS last_seen, count(*) AS messages,
    count(*) FILTER (WHERE operation = 2) AS replies
  FROM arp WHERE sender_ip <> '0.0.0.0' AND sender_mac <> '00:00:00:00:00:00' GROUP BY ALL
),
conflicts AS (
  SELECT ip, count(*) AS macs, arg_max(mac, first_seen) AS suspect_mac, arg_min(mac, first_seen) AS original_mac,
    min(first_seen) AS first_seen, max(last_seen) AS last_seen, sum(messages) AS messages, sum(replies) AS replies
  FROM claims GROUP BY ip HAVING count(*) >= $min_macs
),
multi AS (
  SELECT mac, count(*) AS ips, list(ip ORDER BY first_seen) AS claimed, min(first_seen) AS first_seen, max(last_seen) AS last_seen,
    sum(messages) AS messages, sum(replies) AS replies
  FROM claims GROUP BY mac HAVING count(*) >= $min_ips
),
storms AS (
  SELECT sender_mac AS mac, max(n) AS peak, sum(n) AS total, min(f) AS first_seen, max(l) AS last_seen, list(DISTINCT ip ORDER BY ip) AS ips
  FROM (SELECT sender_mac, sender_ip AS ip, floor(ts / $window_s) AS w, count(*) AS n, min(ts) AS f, max(ts) AS l FROM arp WHERE gratuitous GROUP BY ALL)
  GROUP BY sender_mac HAVING max(n) >= $min_gratuitous
)
SELECT 'conflict:' || ip AS key, suspect_mac AS src, [ip] AS dst, first_seen, last_seen, least(1.0, 0.7 + 0.1 * (macs - 1)) AS score,
  'ip_conflict' AS kind, ip, macs, suspect_mac, original_mac, messages, replies, NULL AS peak
FROM conflicts
UNION ALL
SELECT 'multi:' || mac, mac, claimed, first_seen, last_seen, least(1.0, 0.5 + 0.1 * ips), 'mac_multi_ip', claimed[-1], ips, mac, NULL, messages, replies, NULL
FROM multi
UNION ALL
SELECT 'storm:' || mac, mac, ips, first_seen, last_seen, least(1.0, 0.5 + peak / ($min_gratuitous * 10.0)),
  'gratuitous_storm', ips[1], len(ips), mac, NULL, total, NULL, peak
FROM storms
ORDER BY first_seen, key
