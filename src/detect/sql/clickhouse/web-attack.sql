-- ClickHouse version of ../web-attack.sql (same rows, same order). A decoded URI is used when it
-- is valid UTF-8 (RE2's `.` matches only valid characters); matching is case-insensitive (?i).
WITH requests AS (
  SELECT ts, uid, _batch, _row, id_orig_h AS r_src, id_resp_h AS r_dst, method, host, uri, decodeURLComponent(replace(uri, '+', ' ')) AS r_plain,
    if(match(r_plain, '^(?s:.)*$'), r_plain, uri) AS r_decoded
  FROM http WHERE uri IS NOT NULL
),
matched AS (
  SELECT *, arrayJoin(['sql_injection', 'path_traversal', 'command_injection', 'xss', 'web_shell']) AS m_class FROM requests
)
SELECT concat(m_class, ':', r_src, '>', r_dst) AS key, r_src AS src, [r_dst] AS dst, min(ts) AS first_seen, max(ts) AS last_seen,
  least(1.0, 0.6 + count() / 50.0) AS score, m_class AS class, count() AS requests,
  arraySlice(arrayMap(x -> x.4, arraySort(groupArray((ts, _batch, _row, concat(method, ' ', coalesce(host, ''), uri))))), 1, 5) AS sample_requests,
  arraySlice(arraySort(groupUniqArray(uid)), 1, 20) AS uids
FROM matched
WHERE multiIf(m_class = 'sql_injection', match(r_decoded, concat('(?i)', $sqli)), m_class = 'path_traversal', match(r_decoded, concat('(?i)', $traversal)),
  m_class = 'command_injection', match(r_decoded, concat('(?i)', $command)), m_class = 'xss', match(r_decoded, concat('(?i)', $xss)),
  match(r_decoded, concat('(?i)', $webshell)))
GROUP BY m_class, r_src, r_dst
ORDER BY first_seen, key
