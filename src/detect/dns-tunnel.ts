import type { Severity } from './alert.js';
import { count, type SqlDetector } from './sql-detector.js';

/** RITA's unique-subdomain buckets with their severities, highest first. */
const BUCKETS: Array<[unique: number, severity: Severity]> = [[1000, 'critical'], [800, 'high'], [500, 'medium'], [100, 'medium']];

/** DNS tunnelling and exfiltration: many unique, long, random subdomains of one domain. */
export const dnsTunnel: SqlDetector = {
  name: 'dns_tunnel',
  file: 'dns-tunnel',
  attack: { tactic: 'Command and Control', techniqueId: 'T1071.004', technique: 'Application Layer Protocol: DNS' },
  describe(row) {
    const unique = Number(row.unique_names);
    const bucket = BUCKETS.find(([n]) => unique >= n);
    return {
      severity: bucket ? bucket[1] : 'medium',
      explanation: `${row.src} sent ${count(row.queries)} queries for ${count(unique)} unique names under ${row.domain} (subdomains ${Math.round(Number(row.mean_sub_length))} chars on average, entropy ${Number(row.mean_entropy).toFixed(1)} bits/char, ${count(row.odd_type_queries)} TXT/NULL/CNAME/MX).`,
      evidence: {
        domain: row.domain, queries: row.queries, unique_names: unique, mean_sub_length: row.mean_sub_length, max_sub_length: row.max_sub_length,
        mean_entropy: row.mean_entropy, odd_type_queries: row.odd_type_queries, queries_per_second: row.queries_per_second, resolvers: row.resolvers, sample_names: row.sample_names,
      },
    };
  },
};
