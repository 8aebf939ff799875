-- Brute force against authentication services ($auth_ports): per source, server and port within
-- $window_s seconds, many short (both sides sent data: a dialogue, not a probe) connections ($max_duration s median) counted as guesses (SSH: the
-- analyzer's auth_attempts, else one per connection). Fires at $min_connections connections or
-- $min_guesses guesses (Zeek: 30 guesses in 30 min). Success: ssh auth_success, or a later session
-- from the same source lasting $success_factor times the median duration.
WITH attempts AS MATERIALIZED (
  SELECT c.ts, c.uid, c.id_orig_h AS src, c.id_resp_h AS dst, c.id_resp_p AS port, coalesce(c.duration, 0) AS duration,
    coalesce(c.orig_bytes, 0) AS orig_bytes, greatest(coalesce(s.auth_attempts, 1), 1) AS guesses, coalesce(s.auth_success, false) AS ssh_success
  FROM conn c LEFT JOIN ssh s ON s.uid = c.uid
  WHERE c.proto = 'tcp' AND coalesce(c.orig_bytes, 0) > 0 AND coalesce(c.resp_bytes, 0) > 0 AND list_contains(string_split($auth_ports, ',')::INTEGER[], c.id_resp_p)
),
windows AS (
  SELECT src, dst, port, max(n) AS peak_connections, max(g) AS peak_guesses
  FROM (SELECT src, dst, port, floor(ts / $window_s) AS w, count(*) AS n, sum(guesses) AS g FROM attempts GROUP BY ALL) GROUP BY ALL
),
suspects AS (
  SELECT * FROM windows WHERE peak_connections >= $min_connections OR peak_guesses >= $min_guesses
),
grouped AS (
  SELECT a.src, a.dst, a.port, count(*) AS connections, sum(guesses) AS guesses, min(ts) AS first_seen, max(ts) AS last_seen,
    median(duration) AS median_duration, avg(orig_bytes) AS mean_bytes, coalesce(stddev_pop(orig_bytes) / nullif(avg(orig_bytes), 0), 0) AS size_cv,
    any_value(w.peak_connections) AS peak_connections, any_value(w.peak_guesses) AS peak_guesses,
    bool_or(ssh_success) AS ssh_success, list(uid ORDER BY ts)[1:20] AS uids,
    list(struct_pack(uid, ts, duration)) AS sessions
  FROM attempts a JOIN suspects w ON a.src = w.src AND a.dst = w.dst AND a.port = w.port
  GROUP BY a.src, a.dst, a.port
)
SELECT src || '>' || dst || ':' || port AS key, src, [dst] AS dst, first_seen, last_seen,
  least(1.0, 0.5 + peak_guesses / ($min_guesses * 4.0) + CASE WHEN size_cv < 0.25 THEN 0.1 ELSE 0 END) AS score,
  port, connections, guesses, peak_connections, peak_guesses, median_duration, mean_bytes, size_cv,
  ssh_success OR len(list_filter(sessions, x -> x.duration > $success_factor * greatest(median_duration, 1))) > 0 AS success,
  list_transform(list_filter(sessions, x -> x.duration > $success_factor * greatest(median_duration, 1)), x -> x.uid)[1:5] AS success_uids,
  uids
FROM grouped
ORDER BY first_seen, key
