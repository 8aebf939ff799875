-- auth_resolved: authentication events from host logs with the server's address. The connection
-- whose originator address and port match the event's source (within a minute of its lifetime)
-- names the server; other events of the same logging host take the address most often matched
-- for it, else the host name stands in. `outcome` is failure, success or null (other events).
WITH matched AS (
  SELECT a.rowid AS rid, arg_min(c.id_resp_h, abs(c.ts - a.ts)) AS server, arg_min(c.uid, abs(c.ts - a.ts)) AS uid
  FROM auth a JOIN conn c ON c.id_orig_h = a.src_ip AND c.id_orig_p = a.src_port
    AND a.ts BETWEEN c.ts - 60 AND c.ts + coalesce(c.duration, 0) + 60
  GROUP BY a.rowid
),
host_address AS (
  SELECT a.host, mode(m.server) AS address FROM auth a JOIN matched m ON m.rid = a.rowid GROUP BY a.host
)
SELECT a.*, coalesce(m.server, h.address, a.host) AS server, m.uid,
  CASE
    WHEN a.event LIKE 'failed\_%' ESCAPE '\' OR a.event = 'logon_failure' THEN 'failure'
    WHEN a.event LIKE 'accepted\_%' ESCAPE '\' OR (a.event = 'logon_success' AND a.logon_type IN (3, 10)) THEN 'success'
  END AS outcome
FROM auth a
LEFT JOIN matched m ON m.rid = a.rowid
LEFT JOIN host_address h ON h.host = a.host
