-- ClickHouse version of ../accepted-logins.sql (the same query over the inlined auth_resolved view).
SELECT ts, host, server, user, src_ip, src_port, method, event, source_file, source_line, uid
FROM auth_resolved
WHERE outcome = 'success' AND src_ip IS NOT NULL
ORDER BY ts, source_file, source_line
LIMIT 100000
