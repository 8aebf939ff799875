import { ancestorName } from './ancestry.js';
import type { BirthCertificate } from './certificate.js';
import type { ProcessContext } from './process-context.js';
import { inferPurpose } from './purpose-rules.js';
import { scoreRisk } from './risk-rules.js';

/**
 * The rule context of a certificate: its process, the ancestors' names
 * (parent first), and the timing facts known now.
 */
export function contextOf(cert: BirthCertificate, periodic: boolean, lifetime: number): ProcessContext {
  return {
    name: cert.name,
    exe: cert.exe,
    cmdline: cert.argv.join(' '),
    ancestors: cert.ancestry.slice(1).map(ancestorName),
    tty: cert.tty,
    periodic,
    lifetime,
  };
}

/**
 * Fills a certificate's purpose and risk from its lineage, terminal, command
 * line and timing.
 * @example assessCertificate(cert, false, 0).risk_reasons // ['shell_owns_socket', 'dev_tcp']
 */
export function assessCertificate(cert: BirthCertificate, periodic: boolean, lifetime: number): BirthCertificate {
  const ctx = contextOf(cert, periodic, lifetime);
  const { purpose, reason } = inferPurpose(ctx);
  const { score, reasons } = scoreRisk(ctx);
  cert.purpose = purpose;
  cert.purpose_reason = reason;
  cert.risk = score;
  cert.risk_reasons = reasons;
  return cert;
}
