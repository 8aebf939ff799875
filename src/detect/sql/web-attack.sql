-- Web attacks in HTTP requests: the URI (percent-decoded when that gives valid UTF-8) matched against the regular expressions
-- $sqli (after Zeek's match_sql_injection_uri), $traversal, $command, $xss and $webshell.
-- One row per source, server and attack class, with sample requests.
WITH requests AS (
  SELECT ts, uid, id_orig_h AS src, id_resp_h AS dst, method, host, uri, coalesce(try(url_decode(replace(uri, '+', ' '))), uri) AS decoded FROM http WHERE uri IS NOT NULL
),
matched AS (
  SELECT r.*, c.class FROM requests r,
    (VALUES ('sql_injection'), ('path_traversal'), ('command_injection'), ('xss'), ('web_shell')) AS c(class)
  WHERE CASE c.class
      WHEN 'sql_injection' THEN regexp_matches(decoded, $sqli, 'i')
      WHEN 'path_traversal' THEN regexp_matches(decoded, $traversal, 'i')
      WHEN 'command_injection' THEN regexp_matches(decoded, $command, 'i')
      WHEN 'xss' THEN regexp_matches(decoded, $xss, 'i')
      ELSE regexp_matches(decoded, $webshell, 'i') END
)
SELECT class || ':' || src || '>' || dst AS key, src, [dst] AS dst, min(ts) AS first_seen, max(ts) AS last_seen,
  least(1.0, 0.6 + count(*) / 50.0) AS score, class, count(*) AS requests,
  list(method || ' ' || coalesce(host, '') || uri ORDER BY ts)[1:5] AS sample_requests, list(DISTINCT uid ORDER BY uid)[1:20] AS uids
FROM matched GROUP BY class, src, dst
ORDER BY first_seen, key
