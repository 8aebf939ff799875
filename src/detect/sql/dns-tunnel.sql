-- DNS tunnelling per source and registered domain (dns.registered_domain, from the Public Suffix List
-- at ingest; the last two labels for stores ingested before it existed): unique subdomains (RITA buckets 100/500/800/1000; fires at $min_unique),
-- or at least $min_queries queries whose subdomain part is long ($min_label_length characters on
-- average) or random ($min_entropy bits/char), carried mostly ($min_odd_ratio) in TXT/NULL/CNAME/MX.
WITH q AS (
  -- Names lowercase in ASCII only, as DNS compares them (RFC 4343); ClickHouse's lower() does the same.
  SELECT ts, uid, id_orig_h AS src, id_resp_h AS resolver, translate(rtrim(query, '.'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS name, qtype, registered_domain
  FROM dns WHERE query IS NOT NULL AND query <> '' AND query NOT LIKE '%.in-addr.arpa' AND query NOT LIKE '%.ip6.arpa'
),
split AS (
  SELECT *, string_split(name, '.') AS labels FROM q
),
domains AS (
  SELECT *, coalesce(registered_domain, array_to_string(labels[-2:], '.')) AS domain
  FROM split WHERE len(labels) >= 2
),
parts AS MATERIALIZED (
  SELECT *, CASE WHEN len(name) > len(domain) THEN replace(left(name, len(name) - len(domain) - 1), '.', '') ELSE '' END AS sub FROM domains
),
candidates AS (
  SELECT src, domain FROM parts GROUP BY ALL
  HAVING count(DISTINCT name) >= $min_unique OR (count(*) >= $min_queries AND count(*) FILTER (WHERE qtype IN (5, 10, 15, 16)) >= $min_odd_ratio * count(*))
),
measured AS (
  SELECT p.*, CASE WHEN len(sub) = 0 THEN 0 ELSE
    -list_sum(list_transform(list_distinct(string_split(sub, '')), c -> ((len(sub) - len(replace(sub, c, ''))) / len(sub)) * log2((len(sub) - len(replace(sub, c, ''))) / len(sub)))) END AS entropy
  FROM parts p SEMI JOIN candidates c ON p.src = c.src AND p.domain = c.domain
),
grouped AS (
  SELECT src, domain, count(*) AS queries, count(DISTINCT name) AS unique_names, min(ts) AS first_seen, max(ts) AS last_seen,
    avg(len(sub)) AS mean_sub_length, max(len(sub)) AS max_sub_length, avg(entropy) FILTER (WHERE len(sub) > 0) AS mean_entropy,
    count(*) FILTER (WHERE qtype IN (5, 10, 15, 16)) AS odd_type_queries, list(DISTINCT resolver ORDER BY resolver)[1:5] AS resolvers,
    list(DISTINCT name ORDER BY name)[1:5] AS sample_names, list(DISTINCT uid ORDER BY uid)[1:20] AS uids
  FROM measured GROUP BY src, domain
)
SELECT src || '>' || domain AS key, src, [domain] AS dst, first_seen, last_seen,
  least(1.0, greatest(unique_names / 1000.0, 0.5 + 0.5 * odd_type_queries / queries * least(1, mean_sub_length / 60))) AS score,
  domain, queries, unique_names, mean_sub_length, max_sub_length, coalesce(mean_entropy, 0) AS mean_entropy, odd_type_queries,
  queries / greatest(last_seen - first_seen, 1) AS queries_per_second, resolvers, sample_names, uids
FROM grouped
WHERE unique_names >= $min_unique
   OR (queries >= $min_queries AND odd_type_queries >= $min_odd_ratio * queries
       AND (mean_sub_length >= $min_label_length OR coalesce(mean_entropy, 0) >= $min_entropy))
ORDER BY first_seen, key
