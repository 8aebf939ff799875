import { count, type SqlDetector } from './sql-detector.js';

/** Attack classes in plain words. */
const CLASS_NAMES: Record<string, string> = {
  sql_injection: 'SQL injection', path_traversal: 'path traversal', command_injection: 'command injection', xss: 'cross-site scripting', web_shell: 'web-shell access',
};

/** SQL injection, traversal, command injection, XSS and web-shell requests in HTTP URIs. */
export const webAttack: SqlDetector = {
  name: 'web_attack',
  file: 'web-attack',
  attack: { tactic: 'Initial Access', techniqueId: 'T1190', technique: 'Exploit Public-Facing Application' },
  describe(row) {
    const samples = row.sample_requests as string[];
    return {
      severity: Number(row.requests) >= 5 ? 'high' : 'medium',
      explanation: `${row.src} sent ${count(row.requests)} ${CLASS_NAMES[String(row.class)]} request(s) to ${(row.dst as string[])[0]}, e.g. ${samples[0]}.`,
      evidence: { class: row.class, requests: row.requests, sample_requests: samples },
    };
  },
};
