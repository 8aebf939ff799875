-- Packets per transport protocol over the whole store, for the dashboard's protocol mix.
SELECT coalesce(proto, 'other') AS proto, sum(coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0)) AS packets
FROM conn
GROUP BY 1
ORDER BY 2 DESC, 1
