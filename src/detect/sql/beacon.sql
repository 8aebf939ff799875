-- Beaconing, scored as RITA v5: timing (Bowley skew and MAD of the intervals), data size (skew, MAD,
-- smallness), duration (coverage of the capture span) and histogram (evenness over 24 bins), equal
-- weights. Per source→address (conn) and per source→name (HTTP Host, TLS SNI), so beacons through
-- shared CDNs or proxies are found (a Host that is an address literal is the address key already). Needs $min_connections; $strobe_connections or more is a strobe.
-- Skew counts as none when the median sits on a quartile (as RITA does): sizes of 139 and 140 bytes
-- alone give a Bowley ratio of ±1 though they are as steady as data get. For the same reason the ratio is
-- weighed by the quartile spread relative to the median: intervals of 15.08 to 15.11 s are a steady rhythm
-- whatever the shape of their 30 ms of jitter (RITA takes the ratio alone).
-- The size mode breaks ties by the earliest check-in, so runs agree. Connections less than $min_interval_s after the one before are one check-in with it (an agent's parallel
-- requests, retries), timed from its first and sized by it; $min_connections check-ins are needed, of at most
-- $max_checkin_connections connections on average (more is bursty traffic: a scan, guessing rounds, page loads). Ports in $ignore_ports (resolvers, time, discovery) are not scored.
-- Inside one long-lived connection (QUIC, HTTP/2, WebSocket C2), the originator's bursts (conn.bursts, recorded at ingest)
-- are scored as check-ins of their own, keyed by the connection (flow = its uid).
WITH span AS (SELECT greatest(max(ts) - min(ts), 1) AS seconds FROM conn),
scored_conns AS MATERIALIZED (
  SELECT ts, uid, id_orig_h, id_resp_h, orig_bytes, bursts, burst_bytes FROM conn
  WHERE proto IN ('tcp', 'udp') AND NOT list_contains(string_split($ignore_ports, ',')::INTEGER[], id_resp_p)
    AND id_resp_h NOT LIKE '224.%' AND id_resp_h NOT LIKE '239.%' AND id_resp_h NOT LIKE 'ff%' AND id_resp_h NOT LIKE '%.255'
),
events AS MATERIALIZED (
  SELECT ts, uid, id_orig_h AS src, id_resp_h AS target, '' AS flow, coalesce(orig_bytes, 0) AS size FROM scored_conns
  UNION ALL
  -- Names lowercase in ASCII only, as DNS compares them (RFC 4343); ClickHouse's lower() does the same.
  SELECT ts, uid, id_orig_h, translate(host, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '', coalesce(request_body_len, 0) FROM http WHERE host IS NOT NULL AND NOT regexp_matches(host, '^[0-9.:\[\]]+$')
  UNION ALL
  SELECT ts, uid, id_orig_h, translate(server_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '', 0 FROM ssl WHERE server_name IS NOT NULL
  UNION ALL
  SELECT ts + unnest(bursts), uid, id_orig_h, id_resp_h, uid, unnest(burst_bytes) FROM scored_conns WHERE len(bursts) >= $min_connections
),
candidates AS (
  SELECT src, target, flow FROM events GROUP BY ALL HAVING count(*) >= $min_connections
),
gaps AS (
  SELECT e.*, ts - lag(ts) OVER (PARTITION BY e.src, e.target, e.flow ORDER BY ts) AS gap FROM events e
  SEMI JOIN candidates c ON e.src = c.src AND e.target = c.target AND e.flow = c.flow
),
numbered AS (
  SELECT *, count(*) FILTER (WHERE gap IS NULL OR gap > $min_interval_s) OVER (PARTITION BY src, target, flow ORDER BY ts ROWS UNBOUNDED PRECEDING) AS checkin FROM gaps
),
checkins AS MATERIALIZED (
  SELECT src, target, flow, min(ts) AS ts, max(ts) AS until, arg_min(size, ts) AS size, count(*) AS events, list(uid) AS uids
  FROM numbered GROUP BY src, target, flow, checkin
),
deltas AS (
  SELECT *, ts - lag(ts) OVER (PARTITION BY src, target, flow ORDER BY ts) AS delta FROM checkins
),
modes AS (
  SELECT src, target, flow, arg_min(size, (-n, first)) AS size_mode
  FROM (SELECT src, target, flow, size, count(*) AS n, min(ts) AS first FROM checkins GROUP BY ALL) GROUP BY ALL
),
stats AS (
  SELECT src, target, flow, sum(events) AS connections, count(*) AS checkins, min(ts) AS first_seen, max(until) AS last_seen,
    quantile_cont(delta, 0.25) AS t1, median(delta) AS tm, quantile_cont(delta, 0.75) AS t3,
    quantile_cont(size, 0.25) AS s1, median(size) AS sm, quantile_cont(size, 0.75) AS s3,
    list(delta) FILTER (WHERE delta IS NOT NULL) AS intervals, list(size) AS sizes, list(ts) AS times, list_sort(list_distinct(flatten(list(uids))))[1:20] AS uids
  FROM deltas GROUP BY src, target, flow HAVING count(*) >= $min_connections OR sum(events) >= $strobe_connections
),
scored AS (
  SELECT stats.*, modes.size_mode,
    1 - abs(CASE WHEN tm > t1 AND tm < t3 THEN (t1 + t3 - 2 * tm) / (t3 - t1) * least(1, (t3 - t1) / tm) ELSE 0 END) AS ts_skew_score,
    greatest(0, 1 - coalesce(list_median(list_transform(intervals, d -> abs(d - tm))) / nullif(tm, 0), 1)) AS ts_mad_score,
    1 - abs(CASE WHEN sm > s1 AND sm < s3 THEN (s1 + s3 - 2 * sm) / (s3 - s1) * least(1, (s3 - s1) / sm) ELSE 0 END) AS ds_skew_score,
    greatest(0, 1 - coalesce(list_median(list_transform(sizes, s -> abs(s - sm))) / nullif(sm, 0), 0)) AS ds_mad_score,
    greatest(0, 1 - size_mode / 65535.0) AS ds_small_score,
    least(1, (last_seen - first_seen) / (SELECT seconds FROM span)) AS duration_score,
    list_transform(range(24), b -> len(list_filter(times, t -> least(23, floor((t - first_seen) * 24 / greatest(last_seen - first_seen, 1e-6))) = b))) AS bins
  FROM stats JOIN modes USING (src, target, flow)
),
final AS (
  SELECT *,
    (ts_skew_score + ts_mad_score) / 2 AS timing_score,
    (ds_skew_score + ds_mad_score + ds_small_score) / 3 AS size_score,
    greatest(0, 1 - coalesce(list_stddev_pop(list_filter(bins, n -> n > 0)) / nullif(list_avg(list_filter(bins, n -> n > 0)), 0), 0)) AS histogram_score
  FROM scored
)
SELECT src || '>' || target || CASE WHEN flow = '' THEN '' ELSE ' in ' || flow END AS key, src, [target] AS dst, first_seen, last_seen,
  CASE WHEN connections >= $strobe_connections THEN 1.0 ELSE (timing_score + size_score + duration_score + histogram_score) / 4 END AS score,
  connections >= $strobe_connections AS strobe, target, flow, connections, checkins, tm AS median_interval, sm AS median_size,
  timing_score, size_score, duration_score, histogram_score, uids
FROM final
WHERE connections >= $strobe_connections OR connections <= $max_checkin_connections * checkins AND (timing_score + size_score + duration_score + histogram_score) / 4 >= $min_score
ORDER BY first_seen, key
