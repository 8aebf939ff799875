-- Names asked for, and the addresses and names answered (passive DNS).
SELECT 'domain' AS kind, query AS value, ts, uid FROM dns
UNION ALL
SELECT 'host' AS kind, answer AS value, ts, uid FROM (SELECT unnest(answers) AS answer, ts, uid FROM dns)
