-- ClickHouse version of ../beacon.sql (same rows, same order). No window functions in 18.16: the
-- intervals are the differences of each pair's sorted times (none: NULL quartiles, as DuckDB's
-- on no rows). Quantiles interpolate the sorted
-- values as DuckDB's quantile_cont; the most common size is the first seen among equals. The
-- histogram's non-empty bins are counted per distinct bin (no nested lambdas in 18.16). A
-- connection and its bursts (bursts and burst_bytes, of equal length) are read in one pass.
-- bool: strobe
WITH events AS MATERIALIZED (
  SELECT ts + x.1 AS ts, uid, id_orig_h AS e_src, id_resp_h AS e_target, if(x.3 = 1, ifNull(uid, ''), '') AS e_flow, x.2 AS e_size, if(x.3 = 1, 4, 1) AS e_source, _batch, _row
  FROM conn
  ARRAY JOIN arrayConcat([(0., coalesce(orig_bytes, 0), 0)], arraySlice(arrayMap((b, n) -> (b, n, 1), bursts, burst_bytes), 1, if(length(bursts) >= $min_connections, length(bursts), 0))) AS x
  WHERE proto IN ('tcp', 'udp') AND id_resp_p IS NOT NULL AND NOT has(arrayMap(p -> toInt32(p), splitByChar(',', $ignore_ports)), assumeNotNull(id_resp_p))
    AND id_resp_h NOT LIKE '224.%' AND id_resp_h NOT LIKE '239.%' AND id_resp_h NOT LIKE 'ff%' AND id_resp_h NOT LIKE '%.255'
  UNION ALL
  SELECT ts, uid, id_orig_h AS e_src, lowerUTF8(host) AS e_target, '' AS e_flow, coalesce(request_body_len, 0) AS e_size, 2 AS e_source, _batch, _row FROM http
  WHERE host IS NOT NULL AND NOT match(assumeNotNull(host), '^[0-9.:\\[\\]]+$')
  UNION ALL
  SELECT ts, uid, id_orig_h AS e_src, lowerUTF8(server_name) AS e_target, '' AS e_flow, toInt64(0) AS e_size, 3 AS e_source, _batch, _row FROM ssl WHERE server_name IS NOT NULL
),
candidate_events AS MATERIALIZED (
  SELECT * FROM events
  WHERE (e_src, e_target, e_flow) IN (SELECT e_src, e_target, e_flow FROM events GROUP BY e_src, e_target, e_flow HAVING count() >= $min_connections)
),
sizes AS (
  SELECT z_src, z_target, z_flow, argMin(z_size, (-n, first)) AS z_mode
  FROM (SELECT e_src AS z_src, e_target AS z_target, e_flow AS z_flow, e_size AS z_size, count() AS n, min((ts, e_source, _batch, _row)) AS first
        FROM candidate_events GROUP BY z_src, z_target, z_flow, z_size)
  GROUP BY z_src, z_target, z_flow
),
stats AS (
  SELECT e_src AS s_src, e_target AS s_target, e_flow AS s_flow, count() AS s_connections, min(ts) AS s_first, max(ts) AS s_last, arraySort(groupArray(ts)) AS s_times,
    arraySort(arraySlice(arrayDifference(s_times), 2)) AS s_intervals, arraySort(groupArray(e_size)) AS s_sizes,
    arraySlice(arraySort(groupUniqArray(uid)), 1, 20) AS s_uids
  FROM candidate_events GROUP BY e_src, e_target, e_flow
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
  FROM stats AS st ANY LEFT JOIN sizes AS z ON s_src = z_src AND s_target = z_target AND s_flow = z_flow
),
scored AS (
  SELECT *,
    t_dev[toUInt64(floor(r2)) + 1] + (t_dev[toUInt64(ceil(r2)) + 1] - t_dev[toUInt64(floor(r2)) + 1]) * (r2 - floor(r2)) AS t_mad,
    s_dev[toUInt64(floor(q2)) + 1] + (s_dev[toUInt64(ceil(q2)) + 1] - s_dev[toUInt64(floor(q2)) + 1]) * (q2 - floor(q2)) AS s_mad,
    1 - abs(if(tm > t1 AND tm < t3, (t1 + t3 - 2 * tm) / (t3 - t1) * least(1, (t3 - t1) / tm), 0)) AS ts_skew_score,
    greatest(0, 1 - if(n_i = 0 OR tm = 0, 1, t_mad / tm)) AS ts_mad_score,
    1 - abs(if(sm > s1 AND sm < s3, (s1 + s3 - 2 * sm) / (s3 - s1) * least(1, (s3 - s1) / sm), 0)) AS ds_skew_score,
    greatest(0, 1 - if(sm = 0, 0, s_mad / sm)) AS ds_mad_score,
    greatest(0, 1 - z_mode / 65535.0) AS ds_small_score,
    least(1, (s_last - s_first) / (SELECT greatest(max(ts) - min(ts), 1) FROM conn)) AS duration_score,
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
  s_connections >= $strobe_connections AS strobe, s_target AS target, s_flow AS flow, s_connections AS connections, tm AS median_interval, sm AS median_size,
  timing_score, size_score, duration_score, histogram_score, s_uids AS uids
FROM final
WHERE s_connections >= $strobe_connections OR tm >= $min_interval_s AND (timing_score + size_score + duration_score + histogram_score) / 4 >= $min_score
ORDER BY first_seen, key
