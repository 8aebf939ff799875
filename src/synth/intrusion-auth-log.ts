import { scenario } from './intrusion-scenario.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function syslogTime(micros: number): string {
  const d = new Date(micros / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The victim's sshd auth.log lines for the sample intrusion (RFC 3164, UTC). */
export function intrusionAuthLog(): string {
  const lines: string[] = [];
  const start = scenario.start + 2 * 60e6;
  const users = ['root', 'admin', 'ubuntu', 'test', 'oracle'];
  for (let i = 0; i <= scenario.bruteForceAttempts; i++) {
    const t = syslogTime(start + i * 1.7e6 + 300_000);
    const pid = 4100 + i;
    const port = 50000 + i;
    if (i === scenario.bruteForceAttempts) {
      lines.push(`${t} web01 sshd[${pid}]: Accepted password for admin from ${scenario.attacker} port ${port} ssh2`);
      lines.push(`${t} web01 sshd[${pid}]: pam_unix(sshd:session): session opened for user admin(uid=1000) by (uid=0)`);
    } else {
      const user = users[i % users.length];
      lines.push(`${t} web01 sshd[${pid}]: Failed password for ${user === 'test' ? 'invalid user ' : ''}${user} from ${scenario.attacker} port ${port} ssh2`);
    }
  }
  return lines.join('\n') + '\n';
}
