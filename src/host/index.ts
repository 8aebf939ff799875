/**
 * Host tracing: every connection socket tied to the process lineage that made
 * it, with birth certificates in a verifiable log. See README.md.
 */
export { HostMonitor, type LiveConnection, type DeathRecord, type PollReport } from './host-monitor.js';
export type { BirthCertificate } from './certificate.js';
export { ChainLog, type ChainLogOptions } from './chain-log.js';
export { verifyChainLog, type LogProblem, type VerifyResult } from './verify-log.js';
export { loadKeys, loadOrCreateKeys, deriveKeys, type HostKeys } from './host-key.js';
export { maskAddress } from './endpoint-mask.js';
export { readHostLog, type HostLog, type LoggedBirth } from './host-log-reader.js';
export { connectionsAt, parseWhen, type ConnectionAt } from './time-travel.js';
export { matchFeed, readFeed } from './feed-match.js';
export { hostConnRows } from './host-conn-rows.js';
export { PURPOSE_RULES, inferPurpose, type Purpose } from './purpose-rules.js';
export { RISK_RULES, scoreRisk } from './risk-rules.js';
