import { readFileSync } from 'node:fs';
import { InputError } from '../cli/command.js';
import { escapeTerminal } from '../util/escape.js';

/** One detector's parameters: the named parameters of its SQL file. */
export type DetectorParams = Record<string, number | string>;

/** Thresholds of every detector (keyed by detector name) and the allowlist entries. */
export interface DetectConfig {
  detectors: Record<string, DetectorParams>;
  /** CIDRs, domains or `a>b` pairs whose alerts are dropped. */
  allow: string[];
}

/** Service ports where many short connections mean password guessing (SSH, Telnet, FTP, mail, RDP, SMB, VNC, HTTP auth…). */
const AUTH_PORTS = '21,22,23,25,110,143,389,445,465,587,993,995,1433,3306,3389,5432,5900';

/**
 * Defaults, anchored on Zeek's and RITA's: scans 15 ports / 25 hosts in 5 min (Zeek scan policy);
 * brute force 30 guesses in 30 min (Zeek SSH) or 10 connections (Zeek's sshguess test);
 * FTP failures 20 in 15 min (Zeek FTP::Bruteforcing); beacons score 0.75+ (RITA v5's "low" band; 0.9+ medium) with 4+ connections,
 * strobes at 86,400 connections (RITA); C2 check-ins 3 bare POSTs within 25% of one size; long connections 1 h (RITA's first bucket);
 * DNS tunnels 100 unique subdomains (RITA's first bucket).
 */
export const DEFAULT_CONFIG: DetectConfig = {
  allow: [],
  detectors: {
    port_scan: { window_s: 300, min_ports: 15, min_hosts: 25, slow_min_ports: 100, slow_min_hosts: 100 },
    flood: { min_packets: 1000, min_pps: 100, amp_ports: '17,19,53,69,111,123,137,161,389,1900,3702,5353,11211', amp_min_bytes: 1_000_000, amp_min_reflectors: 10, spoof_min_sources: 1000, max_victim_ports: 10 },
    brute_force: { auth_ports: AUTH_PORTS, window_s: 1800, min_connections: 10, min_guesses: 30, success_factor: 3 },
    login_failures: { window_s: 900, min_failures: 20 },
    auth_guessing: { window_s: 900, min_failures: 10 },
    beacon: { min_connections: 4, min_interval_s: 1, max_checkin_connections: 4, min_score: 0.75, strobe_connections: 86400, ignore_ports: '53,67,68,123,137,138,5353,5355,1900' },
    c2_checkin: { min_requests: 3, max_size_spread: 0.25 },
    long_connection: { min_seconds: 3600, open_min_seconds: 600 },
    dns_tunnel: { min_unique: 100, min_queries: 10, min_odd_ratio: 0.5, min_label_length: 30, min_entropy: 4 },
    exfiltration: { min_bytes: 1_000_000, min_ratio: 10, max_peers: 1 },
    unusual_connection: {
      standard_ports: 'http:80,http:8080,http:8000,http:3128,ssh:22,ssl:443,ssl:8443,ssl:993,ssl:995,ssl:465,ssl:636,ftp:21,dns:53,dns:5353,dns:5355,dns:137,smtp:25,smtp:587',
      suspicious_ports: '1337,4444,5554,6666,6667,9996,12345,27374,31337',
      min_external_peers: 50,
      rare_min_hosts: 10,
      rare_min_connections: 5,
      first_seen_min_history_s: 3600,
    },
    web_attack: {
      sqli: String.raw`(union(\s|/\*.*\*/)+(all\s+)?select|'\s*(or|and)\s+'?[\w]*'?\s*(=|like)|select\s.+\sfrom\s.+(\swhere\s|--|#|information_schema)|;\s*(drop|insert|update|delete)\s|sleep\(\s*\d+\s*\)|benchmark\(|'\s*(--|#)|\bor\s+1\s*=\s*1)`,
      traversal: String.raw`(\.\./|\.\.\\|/etc/(passwd|shadow)|boot\.ini|win\.ini)`,
      command: String.raw`(;|\||&&|` + '`' + String.raw`|\$\()\s*(cat|ls|id|whoami|uname|wget|curl|nc|bash|sh|ping|cmd(\.exe)?)(\s|$|;|\|)`,
      xss: String.raw`(<script|javascript:|on(error|load|mouseover)\s*=|<img[^>]+src|alert\()`,
      webshell: String.raw`(/(c99|r57|shell|cmd|webshell|wso|b374k)\.(php|aspx?|jsp)|[?&](cmd|exec)=)`,
    },
    traffic_spike: { min_minutes: 10, mad_factor: 6, min_ratio: 5 },
    arp_spoof: { min_macs: 2, min_ips: 2, window_s: 60, min_gratuitous: 20 },
  },
};

/**
 * Merges overrides onto the defaults: `{ "detectors": { "port_scan": { "min_ports": 20 } }, "allow": [...] }`.
 * Unknown detectors or parameters, or a value of the wrong type, are an InputError naming `origin`.
 */
export function mergeConfig(base: DetectConfig, override: unknown, origin: string): DetectConfig {
  const merged: DetectConfig = { allow: [...base.allow], detectors: Object.fromEntries(Object.entries(base.detectors).map(([k, v]) => [k, { ...v }])) };
  if (typeof override !== 'object' || override === null || Array.isArray(override)) throw new InputError(`${origin}: expected a JSON object`);
  const { detectors = {}, allow = [], ...rest } = override as { detectors?: unknown; allow?: unknown };
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new InputError(`${origin}: unknown key "${escapeTerminal(extra)}" (expected detectors, allow)`);
  if (!Array.isArray(allow) || allow.some((a) => typeof a !== 'string')) throw new InputError(`${origin}: "allow" must be a list of strings`);
  merged.allow.push(...(allow as string[]));
  for (const [name, params] of Object.entries(detectors as Record<string, unknown>)) {
    const target = merged.detectors[name];
    if (!target) throw new InputError(`${origin}: unknown detector "${escapeTerminal(name)}" (known: ${Object.keys(merged.detectors).join(', ')})`);
    for (const [key, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
      if (!(key in target)) throw new InputError(`${origin}: detector ${name} has no parameter "${escapeTerminal(key)}"`);
      if (typeof value !== typeof target[key] || (typeof value === 'number' && !Number.isFinite(value))) {
        throw new InputError(`${origin}: ${name}.${key} must be a ${typeof target[key]}`);
      }
      target[key] = value as number | string;
    }
  }
  return merged;
}

/** Reads a JSON config file and merges it onto `base`; unreadable or invalid JSON is an InputError. */
export function loadConfigFile(path: string, base: DetectConfig = DEFAULT_CONFIG): DetectConfig {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch { throw new InputError(`${escapeTerminal(path)}: cannot read config file`); }
  let json: unknown;
  try { json = JSON.parse(text); } catch (err) {
    throw new InputError(`${escapeTerminal(path)}: invalid JSON: ${escapeTerminal(err instanceof Error ? err.message : String(err))}`);
  }
  return mergeConfig(base, json, path);
}
