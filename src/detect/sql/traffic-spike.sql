-- Traffic spikes: per-minute connections, packets and bytes (by connection start), and connections
-- per protocol (service, else transport: a shift in the protocol mix), against robust baselines
-- (median and MAD over the minutes the measure was active). A minute fires when a measure exceeds
-- median + $mad_factor × 1.4826 × MAD and $min_ratio × median, given $min_minutes minutes of history.
-- The minute's top talker is named, and marked new when it had not been seen before that minute.
WITH minutes AS MATERIALIZED (
  SELECT floor(ts / 60) * 60 AS minute, count(*) AS conns, sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) AS packets,
    sum(coalesce(orig_ip_bytes, 0) + coalesce(resp_ip_bytes, 0)) AS bytes
  FROM conn GROUP BY ALL
),
by_protocol AS (
  SELECT floor(ts / 60) * 60 AS minute, coalesce(nullif(split_part(service, ',', 1), ''), proto::VARCHAR) AS protocol, count(*) AS conns
  FROM conn GROUP BY ALL
),
measures AS (
  SELECT minute, 'connections' AS measure, conns::DOUBLE AS amount FROM minutes
  UNION ALL SELECT minute, 'packets', packets::DOUBLE FROM minutes
  UNION ALL SELECT minute, 'bytes', bytes::DOUBLE FROM minutes
  UNION ALL SELECT minute, protocol || ' connections', conns::DOUBLE FROM by_protocol
),
medians AS (SELECT measure, median(amount) AS med, count(*) AS n FROM measures GROUP BY measure),
baselines AS (
  SELECT m.measure, any_value(d.med) AS med, median(abs(m.amount - d.med)) AS mad, any_value(d.n) AS n
  FROM measures m JOIN medians d ON m.measure = d.measure GROUP BY m.measure
),
spikes AS (
  SELECT m.minute, list(m.measure ORDER BY m.measure) AS spiking, max(m.amount / greatest(b.med, 1)) AS ratio,
    list(struct_pack(measure := m.measure, amount := m.amount, median := b.med, mad := b.mad) ORDER BY m.measure) AS detail
  FROM measures m JOIN baselines b ON m.measure = b.measure
  WHERE b.n >= $min_minutes AND m.amount > b.med + $mad_factor * 1.4826 * greatest(b.mad, 1) AND m.amount >= $min_ratio * greatest(b.med, 1)
  GROUP BY m.minute
),
first_seen AS (SELECT id_orig_h AS host, min(ts) AS first_ts FROM conn GROUP BY ALL),
talkers AS (
  SELECT s.minute, c.id_orig_h AS host, count(*) AS conns, count(DISTINCT c.id_resp_h) AS peers, mode(c.id_resp_h) AS top_peer, list(c.uid ORDER BY c.ts)[1:20] AS uids
  FROM conn c JOIN spikes s ON floor(c.ts / 60) * 60 = s.minute GROUP BY ALL
),
top AS (
  SELECT minute, arg_max(host, conns) AS host, max(conns) AS conns, arg_max(peers, conns) AS peers, arg_max(top_peer, conns) AS top_peer, arg_max(uids, conns) AS uids
  FROM talkers GROUP BY minute
)
SELECT 'minute:' || s.minute AS key, t.host AS src, [t.top_peer] AS dst, s.minute AS first_seen, s.minute + 60 AS last_seen,
  least(1.0, 0.3 + s.ratio / 100) AS score, s.spiking, s.ratio, s.detail, t.conns AS talker_connections, t.peers AS talker_peers,
  f.first_ts >= s.minute AS new_talker, t.uids
FROM spikes s JOIN top t ON s.minute = t.minute JOIN first_seen f ON f.host = t.host
ORDER BY first_seen, key
