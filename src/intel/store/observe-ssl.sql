-- TLS server names (SNI).
SELECT 'domain' AS kind, server_name AS value, ts, uid FROM ssl
