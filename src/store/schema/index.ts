import { alertsSchema } from './alerts.js';
import { arpSchema } from './arp.js';
import { authSchema } from './auth.js';
import { connSchema } from './conn.js';
import { dnsSchema } from './dns.js';
import { filesSchema } from './files.js';
import { ftpSchema } from './ftp.js';
import { hostConnsSchema } from './host-conns.js';
import { httpSchema } from './http.js';
import { ingestsSchema } from './ingests.js';
import { noticeSchema } from './notice.js';
import { pdnsSchema } from './pdns.js';
import { sslSchema } from './ssl.js';
import { sshSchema } from './ssh.js';
import { suricataAlertSchema } from './suricata-alert.js';
import { sysmonConnsSchema } from './sysmon-conns.js';
import type { LogSchema } from './types.js';
import { weirdSchema } from './weird.js';
import { x509Schema } from './x509.js';

/**
 * Every log stream the store knows. A new stream registers by adding its
 * schema file's import here (one line).
 */
export const allSchemas: readonly LogSchema[] = [connSchema, weirdSchema, ingestsSchema, dnsSchema, pdnsSchema, sslSchema, x509Schema, httpSchema, filesSchema, sshSchema, ftpSchema, hostConnsSchema, arpSchema, alertsSchema, authSchema, suricataAlertSchema, noticeSchema, sysmonConnsSchema];

/** The schema of stream `name` (`conn`, `dns`…), or undefined when none is registered. */
export function schemaByName(name: string): LogSchema | undefined {
  return allSchemas.find((s) => s.name === name);
}
