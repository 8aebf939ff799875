-- ClickHouse version of ../arp-spoof.sql (same rows, same order). Claims tied on first sight
-- are ordered by storage.
WITH claims AS MATERIALIZED (
  SELECT sender_ip AS c_ip, sender_mac AS c_mac, min(ts) AS c_first, max(ts) AS c_last, count() AS c_messages,
    countIf(operation = 2) AS c_replies, min((_batch, _row)) AS c_stored
  FROM arp WHERE sender_ip <> '0.0.0.0' AND sender_mac <> '00:00:00:00:00:00' GROUP BY c_ip, c_mac
),
conflicts AS (
  SELECT c_ip AS k_ip, count() AS k_macs, argMax(c_mac, (c_first, c_stored)) AS k_suspect, argMin(c_mac, (c_first, c_stored)) AS k_original,
    min(c_first) AS k_first, max(c_last) AS k_last, sum(c_messages) AS k_messages, sum(c_replies) AS k_replies
  FROM claims GROUP BY c_ip HAVING count() >= $min_macs
),
multi AS (
  SELECT c_mac AS m_mac, count() AS m_ips, arrayMap(x -> x.3, arraySort(groupArray((c_first, c_stored, c_ip)))) AS m_claimed,
    min(c_first) AS m_first, max(c_last) AS m_last, sum(c_messages) AS m_messages, sum(c_replies) AS m_replies
  FROM claims GROUP BY c_mac HAVING count() >= $min_ips
),
storms AS (
  SELECT s_mac, max(n) AS s_peak, sum(n) AS s_total, min(f) AS s_first, max(l) AS s_last, arraySort(groupUniqArray(s_ip)) AS s_ips
  FROM (SELECT sender_mac AS s_mac, sender_ip AS s_ip, floor(ts / $window_s) AS w, count() AS n, min(ts) AS f, max(ts) AS l FROM arp WHERE gratuitous GROUP BY s_mac, s_ip, w)
  GROUP BY s_mac HAVING max(n) >= $min_gratuitous
)
SELECT * FROM (
  SELECT concat('conflict:', k_ip) AS key, k_suspect AS src, [k_ip] AS dst, k_first AS first_seen, k_last AS last_seen,
    least(1.0, 0.7 + 0.1 * (k_macs - 1)) AS score, 'ip_conflict' AS kind, k_ip AS ip, toUInt64(k_macs) AS macs, k_suspect AS suspect_mac,
    toNullable(k_original) AS original_mac, toUInt64(k_messages) AS messages, toNullable(toUInt64(k_replies)) AS replies, CAST(NULL AS Nullable(UInt64)) AS peak
  FROM conflicts
  UNION ALL
  SELECT concat('multi:', m_mac), m_mac, m_claimed, m_first, m_last, least(1.0, 0.5 + 0.1 * m_ips), 'mac_multi_ip', m_claimed[-1], toUInt64(m_ips), m_mac,
    CAST(NULL AS Nullable(String)), toUInt64(m_messages), toNullable(toUInt64(m_replies)), CAST(NULL AS Nullable(UInt64))
  FROM multi
  UNION ALL
  SELECT concat('storm:', s_mac), s_mac, s_ips, s_first, s_last, least(1.0, 0.5 + s_peak / ($min_gratuitous * 10.0)),
    'gratuitous_storm', s_ips[1], toUInt64(length(s_ips)), s_mac, CAST(NULL AS Nullable(String)), toUInt64(s_total), CAST(NULL AS Nullable(UInt64)), toNullable(toUInt64(s_peak))
  FROM storms
)
ORDER BY first_seen, key
