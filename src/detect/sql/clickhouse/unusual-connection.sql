-- ClickHouse version of ../unusual-connection.sql (same rows, same order). Lists without an order
-- follow storage order; the population of talking hosts and the capture history are scalar subqueries.
-- First-seen peers are gathered only when the history qualifies, and only the new ones are joined.
WITH outbound AS MATERIALIZED (
  SELECT id_orig_h AS o_src, id_resp_h AS o_dst, ts, uid, _batch, _row FROM conn
  WHERE local_orig AND NOT coalesce(local_resp, 0) AND coalesce(resp_bytes, 0) > 0
),
history AS MATERIALIZED (
  SELECT max(first_ts) AS h_newest, max(first_ts) - min(first_ts) AS h_covered, toInt64(count()) - 1 AS h_earlier
  FROM ingests WHERE packets > 0 AND first_ts IS NOT NULL
),
services AS (
  SELECT ts, uid, _batch, _row, id_orig_h AS v_src, id_resp_h AS v_dst, id_resp_p AS v_port, arrayJoin(splitByChar(',', assumeNotNull(service))) AS v_svc
  FROM conn WHERE service IS NOT NULL AND service <> ''
),
found AS (
  SELECT concat('cleartext_auth:ftp:', id_orig_h, '>', id_resp_h) AS f_key, id_orig_h AS f_src, id_resp_h AS f_dst, min(ts) AS f_first, max(ts) AS f_last,
    'cleartext_auth' AS f_kind, toNullable('ftp') AS f_detail, count() AS f_connections, arraySlice(arraySort(groupUniqArray(uid)), 1, 20) AS f_uids
  FROM ftp WHERE command = 'PASS' GROUP BY id_orig_h, id_resp_h
  UNION ALL
  SELECT concat('cleartext_auth:http:', id_orig_h, '>', id_resp_h), id_orig_h, id_resp_h, min(ts), max(ts), 'cleartext_auth', toNullable('http basic'), count(),
    arraySlice(arraySort(groupUniqArray(uid)), 1, 20)
  FROM http WHERE username IS NOT NULL AND username <> '' GROUP BY id_orig_h, id_resp_h
  UNION ALL
  SELECT concat('cleartext_auth:telnet:', id_orig_h, '>', id_resp_h), id_orig_h, id_resp_h, min(ts), max(ts), 'cleartext_auth', toNullable('telnet'), count(),
    arraySlice(arrayMap(x -> x.3, arraySort(groupArray((_batch, _row, uid)))), 1, 20)
  FROM conn WHERE proto = 'tcp' AND id_resp_p = 23 AND coalesce(orig_bytes, 0) > 0 AND coalesce(resp_bytes, 0) > 0 GROUP BY id_orig_h, id_resp_h
  UNION ALL
  SELECT concat('service_port:', v_svc, ':', v_src, '>', v_dst, ':', toString(v_port)), v_src, v_dst, min(ts), max(ts),
    'nonstandard_port', concat(v_svc, ' on port ', toString(v_port)), count(), arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20)
  FROM services
  WHERE has(arrayMap(p -> splitByChar(':', p)[1], splitByChar(',', $standard_ports)), v_svc)
    AND v_port IS NOT NULL AND NOT has(splitByChar(',', $standard_ports), concat(v_svc, ':', toString(assumeNotNull(v_port))))
  GROUP BY v_svc, v_src, v_dst, v_port
  UNION ALL
  SELECT concat('suspicious_port:', id_orig_h, '>', id_resp_h, ':', toString(id_resp_p)), id_orig_h, id_resp_h, min(ts), max(ts),
    'suspicious_port', concat(proto, ' port ', toString(id_resp_p)), count(), arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20)
  FROM conn WHERE ifNull(id_resp_p, -1) IN (SELECT toInt32(arrayJoin(splitByChar(',', $suspicious_ports)))) AND coalesce(resp_bytes, 0) > 0
  GROUP BY id_orig_h, id_resp_h, id_resp_p, proto
  UNION ALL
  SELECT concat('fan_out:', id_orig_h), id_orig_h, concat(min(id_resp_h), ' … ', max(id_resp_h)), min(ts), max(ts),
    'fan_out', concat(toString(uniqExact(id_resp_h)), ' external peers'), count(), arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20)
  FROM conn WHERE local_orig AND NOT coalesce(local_resp, 0) GROUP BY id_orig_h HAVING uniqExact(id_resp_h) >= $min_external_peers
  UNION ALL
  SELECT concat('rare_peer:', any(r_src), '>', o_dst), any(r_src), o_dst, min(ts), max(ts),
    'rare_peer', concat('the only one of ', toString((SELECT uniqExact(o_src) FROM outbound)), ' internal hosts talking to it'), count(),
    arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20)
  FROM outbound AS o ALL INNER JOIN (
    SELECT o_dst AS r_dst, min(o_src) AS r_src FROM outbound GROUP BY o_dst HAVING min(o_src) = max(o_src) AND count() >= $rare_min_connections
  ) AS r ON o_dst = r_dst
  WHERE (SELECT uniqExact(o_src) FROM outbound) >= $rare_min_hosts
  GROUP BY o_dst
  UNION ALL
  SELECT concat('first_seen:', o_src), o_src, if(min(o_dst) = max(o_dst), min(o_dst), concat(min(o_dst), ' … ', max(o_dst))), min(ts), max(ts), 'first_seen',
    concat(toString(uniqExact(o_dst)), ' external peer(s) no host reached in the ', toString((SELECT h_earlier FROM history)), ' earlier capture(s)'), count(),
    arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, uid)))), 1, 20)
  FROM outbound AS o ALL INNER JOIN (
    SELECT o_dst AS fc_dst, min(ts) AS fc_first FROM outbound
    WHERE (SELECT h_earlier FROM history) >= 1 AND (SELECT h_covered FROM history) >= $first_seen_min_history_s
    GROUP BY o_dst HAVING min(ts) >= (SELECT h_newest FROM history)
  ) AS f ON o_dst = fc_dst
  GROUP BY o_src
)
SELECT f_key AS key, f_src AS src, [f_dst] AS dst, f_first AS first_seen, f_last AS last_seen,
  multiIf(f_kind = 'suspicious_port', 0.6, f_kind = 'nonstandard_port', 0.5, f_kind = 'rare_peer', 0.3, f_kind = 'first_seen', 0.3, 0.4) AS score,
  f_kind AS kind, f_detail AS detail, f_connections AS connections, f_uids AS uids
FROM found
ORDER BY first_seen, key
