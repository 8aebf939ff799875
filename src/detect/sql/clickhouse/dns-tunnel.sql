-- ClickHouse version of ../dns-tunnel.sql (same rows, same order). Lengths count characters
-- (lengthUTF8, as DuckDB's len); a name's characters come from extractAll(…, '(?s).'), one per
-- code point like DuckDB's string_split(…, ''), which also gives the name's first characters
-- (DuckDB's left(); 18.16's substringUTF8 takes constant lengths only).
WITH parts AS MATERIALIZED (
  SELECT ts, uid, id_orig_h AS p_src, id_resp_h AS p_resolver, lower(replaceRegexpOne(assumeNotNull(query), '\\.+$', '')) AS p_name, qtype,
    splitByChar('.', p_name) AS p_labels,
    coalesce(registered_domain, arrayStringConcat(arraySlice(p_labels, -2), '.')) AS p_domain,
    if(lengthUTF8(p_name) > lengthUTF8(p_domain),
      replaceAll(arrayStringConcat(arraySlice(extractAll(p_name, '(?s).'), 1, lengthUTF8(p_name) - lengthUTF8(p_domain) - 1)), '.', ''), '') AS p_sub
  FROM dns
  WHERE query IS NOT NULL AND query <> '' AND query NOT LIKE '%.in-addr.arpa' AND query NOT LIKE '%.ip6.arpa' AND length(p_labels) >= 2
),
measured AS (
  SELECT *, lengthUTF8(p_sub) AS m_len,
    if(m_len = 0, 0, -arraySum(arrayMap(c -> (countEqual(extractAll(p_sub, '(?s).'), c) / m_len) * log2(countEqual(extractAll(p_sub, '(?s).'), c) / m_len),
      arrayDistinct(extractAll(p_sub, '(?s).'))))) AS m_entropy
  FROM parts
  WHERE (p_src, p_domain) IN (
    SELECT p_src, p_domain FROM parts GROUP BY p_src, p_domain
    HAVING uniqExact(p_name) >= $min_unique OR (count() >= $min_queries AND countIf(qtype IN (5, 10, 15, 16)) >= $min_odd_ratio * count())
  )
),
grouped AS (
  SELECT p_src AS g_src, p_domain AS g_domain, count() AS g_queries, uniqExact(p_name) AS g_unique, min(ts) AS g_first, max(ts) AS g_last,
    avg(m_len) AS g_mean_len, max(m_len) AS g_max_len, if(countIf(m_len > 0) = 0, NULL, avgIf(m_entropy, m_len > 0)) AS g_entropy,
    countIf(qtype IN (5, 10, 15, 16)) AS g_odd, arraySlice(arraySort(groupUniqArray(p_resolver)), 1, 5) AS g_resolvers,
    arraySlice(arraySort(groupUniqArray(p_name)), 1, 5) AS g_names, arraySlice(arraySort(groupUniqArray(uid)), 1, 20) AS g_uids
  FROM measured GROUP BY p_src, p_domain
)
SELECT concat(g_src, '>', g_domain) AS key, g_src AS src, [g_domain] AS dst, g_first AS first_seen, g_last AS last_seen,
  least(1.0, greatest(g_unique / 1000.0, 0.5 + 0.5 * g_odd / g_queries * least(1, g_mean_len / 60))) AS score,
  g_domain AS domain, g_queries AS queries, g_unique AS unique_names, g_mean_len AS mean_sub_length, g_max_len AS max_sub_length,
  coalesce(g_entropy, 0) AS mean_entropy, g_odd AS odd_type_queries,
  g_queries / greatest(g_last - g_first, 1) AS queries_per_second, g_resolvers AS resolvers, g_names AS sample_names, g_uids AS uids
FROM grouped
WHERE g_unique >= $min_unique
   OR (g_queries >= $min_queries AND g_odd >= $min_odd_ratio * g_queries
       AND (g_mean_len >= $min_label_length OR coalesce(g_entropy, 0) >= $min_entropy))
ORDER BY first_seen, key
