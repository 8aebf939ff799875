-- ClickHouse version of ../beacon.sql (same rows, same order). No window functions in 18.16: each
-- pair's events are sorted into an array and cut into check-ins where the gap exceeds
-- $min_interval_s (the first event's time and size, the last event's time), which ARRAY JOIN turns
-- into rows; the intervals are the differences of the check-ins' sorted times (none: NULL
-- quartiles, as DuckDB's on no rows). Quantiles interpolate the sorted values as DuckDB's
-- quantile_cont; the most common size is the first seen among equals. The histogram's non-empty
-- bins are counted per distinct bin (no nested lambdas in 18.16). A connection and its bursts
-- (bursts and burst_bytes, of equal length) are read in one pass. At most $max_checkin_connections
-- connections per check-in on average, as in DuckDB's.
-- bool: strobe
WITH events AS MATERIALIZED (
  SELECT ts + x.1 AS ts, uid, id_orig_h AS e_src, id_resp_h AS e_target, if(x.3 = 1, ifNull(uid, ''), '') AS e_flow, x.2 AS e_size, if(x.3 = 1, 4, 1) AS e_source, _batch, _row
  FROM conn
  ARRAY JOIN arrayConcat([(0., coalesce(orig_bytes, 0), 0)], arraySlice(arrayMap((b, n) -> (b, n, 1), bursts, burst_bytes), 1, if(length(bursts) >= $min_connections, length(bursts), 0))) AS x
  WHERE proto IN ('tcp', 'udp') AND id_resp_p IS NOT NULL AND assumeNotNull(id_resp_p) NOT IN (SELECT toInt32(arrayJoin(splitByChar(',', $ignore_ports))))
    AND id_resp_h NOT LIKE '224.%' AND id_resp_h NOT LIKE '239.%' AND id_resp_h NOT LIKE 'ff%' AND id_resp_h NOT LIKE '%.255'
  UNION ALL
  SELECT ts, uid, id_orig_h AS e_src, lower(host) AS e_target, '' AS e_flow, coalesce(request_body_len, 0) AS e_size, 2 AS e_source, _batch, _row FROM http
  WHERE host IS NOT NULL AND NOT match(assumeNotNull(host), '^[0-9.:\\[\\]]+$')
  UNION ALL
  SELECT ts, uid, id_orig_h AS e_src, lower(server_name) AS e_target, '' AS e_flow, toInt64(0) AS e_size, 3 AS e_source, _batch, _row FROM ssl WHERE server_name IS NOT NULL
),
candidate_events AS MATERIALIZED (
  SELECT * FROM events
  WHERE (e_src, e_target, e_flow) IN (SELECT e_src, e_target, e_flow FROM events GROUP BY e_src, e_target, e_flow HAVING count() >= $min_connections)
),
checkins AS MATERIALIZED (
  SELECT g_src AS c_src, g_target AS c_target, g_flow AS c_flow, c.1 AS ts, c.2 AS c_until, c.3 AS c_size, c.4 AS c_events, c.5 AS c_order
  FROM (
    SELECT e_src AS g_src, e_target AS g_target, e_flow AS g_flow, arraySort(groupArray((assumeNotNull(ts), e_source, _batch, _row, e_size))) AS g_events,
      arrayMap(x -> x.1, g_events) AS g_ts,
      arrayMap((gap, i) -> i = 1 OR gap > $min_interval_s, arrayDifference(g_ts), arrayEnumerate(g_ts)) AS g_new,
      arrayFilter((i, n) -> n = 1, arrayEnumerate(g_new), g_new) AS g_starts,
      arrayMap((t, u, z, n, k) -> (t, u, z, n, k),
        arrayFilter((t, n) -> n = 1, g_ts, g_new), arrayFilter((t, l) -> l = 1, g_ts, arrayPushBack(arraySlice(g_new, 2), 1)),
        arrayFilter((x, n) -> n = 1, arrayMap(x -> x.5, g_events), g_new), arraySlice(arrayDifference(arrayPushBack(g_starts, length(g_ts) + 1)), 2),
        arrayEnumerate(g_starts)) AS g_checkins
    FROM candidate_events GROUP BY e_src, e_target, e_flow
  )
  ARRAY JOIN g_checkins AS c
),
extras AS (
  SELECT z_src, z_target, z_flow, z_mode, u_uids
  FROM (
    SELECT z_src, z_target, z_flow, argMin(z_size, (-n, first)) AS z_mode
    FROM (SELECT c_src AS z_src, c_target AS z_target, c_flow AS z_flow, c_size AS z_size, count() AS n, min(c_order) AS first
          FROM checkins GROUP BY z_src, z_target, z_flow, z_size)
    GROUP BY z_src, z_target, z_flow
  ) AS z
  ANY INNER JOIN (
    SELECT e_src AS u_src, e_target AS u_target, e_flow AS u_flow, arraySlice(arraySort(groupUniqArray(uid)), 1, 20) AS u_uids
    FROM candidate_events GROUP BY u_src, u_target, u_flow
  ) AS u ON z_src = u_src AND z_target = u_target AND z_flow = u_flow
),
stats AS (
  SELECT c_src AS s_src, c_target AS s_target, c_flow AS s_flow, sum(c_events) AS s_connections, count() AS s_checkins, min(ts) AS s_first, max(c_until) AS s_last,
    arraySort(groupArray(ts)) AS s_times, arraySort(arraySlice(arrayDifference(s_times), 2)) AS s_intervals, arraySort(groupArray(c_size)) AS s_sizes
  FROM checkins GROUP BY c_src, c_target, c_flow
  HAVING count() >= $min_connections OR sum(c_events) >= $strobe_connections
),
quartiles AS (
  SELECT *, length(s_intervals) AS n_i, length(s_sizes) AS n_s,
    (n_i - 1) * 0.25 AS r1, (n_i - 1) * 0.5 AS r2, (n_i - 1) * 0.75 AS r3,
    if(n_i = 0, NULL, s_intervals[toUInt64(floor(r1)) + 1] + (s_intervals[toUInt64(ceil(r1)) + 1] - s_intervals[toUInt64(floor(r1)) + 1]) * (r1 - floor(r1))) AS t1,
    if(n_i = 0, NULL, s_intervals[toUInt64(floor(r2)) + 1] + (s_intervals[toUInt64(ceil(r2)) + 1] - s_intervals[toUInt64(floor(r2)) + 1]) * (r2 - floor(r2))) AS tm,
    if(n_i = 0, NULL, s_intervals[toUInt64(floor(r3)) + 1] + (s_intervals[toUInt64(ceil(r3)) + 1] - s_intervals[toUInt64(floor(r3)) + 1]) * (r3 - floor(r3))) AS t3,
    (n_s - 1) * 0.25 AS q1, (n_s - 1) * 0.5 AS q2, (n_s - 1) * 0.75 AS q3,
    s_sizes[toUInt64(floor(q1)) + 1] + (s_sizes[toUInt64(ceil(q1)) + 1] - s_sizes[toUInt64(floor(q1)) + 1]) * (q1 - floor(q1)) AS s1,
    s_sizes[toUInt64(floor(q2)) + 1] + (s_sizes[toUInt64(ceil(q2)) + 1] - s_sizes[toUInt64(floor(q2)) + 1]) * (q2 - floor(q2)) AS sm,
    s_sizes[toUInt64(floor(q3)) + 1] + (s_sizes[toUInt64(ceil(q3)) + 1] - s_sizes[toUInt64(floor(q3)) + 1]) * (q3 - floor(q3)) AS s3,
    arraySort(arrayMap(d -> abs(d - tm), s_intervals)) AS t_dev, arraySort(arrayMap(s -> abs(s - sm), s_sizes)) AS s_dev
  FROM stats AS st ANY INNER JOIN extras AS z ON s_src = z_src AND s_target = z_target AND s_flow = z_flow
),
scored AS (
  SELECT *,
    t_dev[toUInt64(floor(r2)) + 1] + (t_dev[toUInt64(ceil(r2)) + 1] - t_dev[toUInt64(floor(r2)) + 1]) * (r2 - floor(r2)) AS t_mad,
    s_dev[toUInt64(floor(q2)) + 1] + (s_dev[toUInt64(ceil(q2)) + 1] - s_dev[toUInt64(floor(q2)) + 1]) * (q2 - floor(q2)) AS s_mad,
    1 - abs(if(ifNull(tm > t1 AND tm < t3, 0), (t1 + t3 - 2 * tm) / (t3 - t1) * least(1, (t3 - t1) / tm), 0)) AS ts_skew_score,
    greatest(0, 1 - if(n_i = 0, 1, if(tm = 0, 1, t_mad / tm))) AS ts_mad_score,
    1 - abs(if(sm > s1 AND sm < s3, (s1 + s3 - 2 * sm) / (s3 - s1) * least(1, (s3 - s1) / sm), 0)) AS ds_skew_score,
    greatest(0, 1 - if(sm = 0, 0, s_mad / sm)) AS ds_mad_score,
    greatest(0, 1 - z_mode / 65535.0) AS ds_small_score,
    least(1, (s_last - s_first) / (SELECT greatest(ifNull(max(ts) - min(ts), 1), 1) FROM conn)) AS duration_score,
    arrayMap(t -> ifNull(least(23, floor((t - s_first) * 24 / greatest(s_last - s_first, 1e-6))), -1), s_times) AS bin_of
  FROM quartiles
),
final AS (
  SELECT *, arrayMap(b -> countEqual(bin_of, b), arrayDistinct(bin_of)) AS bins, (ts_skew_score + ts_mad_score) / 2 AS timing_score, (ds_skew_score + ds_mad_score + ds_small_score) / 3 AS size_score,
    greatest(0, 1 - if(empty(bins) OR arrayReduce('avg', bins) = 0, 0, arrayReduce('stddevPop', bins) / arrayReduce('avg', bins))) AS histogram_score
  FROM scored
)
SELECT concat(s_src, '>', s_target, if(s_flow = '', '', concat(' in ', s_flow))) AS key, s_src AS src, [s_target] AS dst, s_first AS first_seen, s_last AS last_seen,
  if(s_connections >= $strobe_connections, 1.0, (timing_score + size_score + duration_score + histogram_score) / 4) AS score,
  s_connections >= $strobe_connections AS strobe, s_target AS target, s_flow AS flow, s_connections AS connections, s_checkins AS checkins,
  tm AS median_interval, sm AS median_size, timing_score, size_score, duration_score, histogram_score, u_uids AS uids
FROM final
WHERE s_connections >= $strobe_connections OR s_connections <= $max_checkin_connections * s_checkins AND (timing_score + size_score + duration_score + histogram_score) / 4 >= $min_score
ORDER BY first_seen, key
