import type { Alert } from '../detect/alert.js';
import type { Tactic } from './model.js';

/** ATT&CK tactic names as the detectors write them, as model tactics. */
const BY_NAME: Record<string, Tactic> = {
  'Reconnaissance': 'reconnaissance', 'Initial Access': 'initial-access', 'Credential Access': 'credential-access',
  'Execution': 'execution', 'Persistence': 'persistence', 'Discovery': 'discovery', 'Lateral Movement': 'lateral-movement',
  'Command and Control': 'command-and-control', 'Exfiltration': 'exfiltration', 'Impact': 'impact',
};

/**
 * The tactic an alert stands for in an incident. A scan from outside is reconnaissance
 * (Active Scanning), from inside discovery; everything else keeps the detector's tactic.
 */
export function alertTactic(alert: Alert, srcInternal: boolean): Tactic {
  if (alert.detector === 'port_scan') return srcInternal ? 'discovery' : 'reconnaissance';
  if (alert.detector === 'intel_match') return srcInternal ? 'command-and-control' : 'initial-access';
  return BY_NAME[alert.attack.tactic] ?? 'impact';
}

/** Keywords of IDS categories and notice names, first match wins. */
const IDS_KEYWORDS: [RegExp, Tactic][] = [
  [/scan|recon|sweep/i, 'reconnaissance'],
  [/password|guess|brute|credential|login/i, 'credential-access'],
  [/trojan|cnc|c2|command and control|malware|botnet|beacon/i, 'command-and-control'],
  [/exfil|leak|data theft/i, 'exfiltration'],
  [/denial|dos|flood/i, 'impact'],
  [/exploit|attack|shellcode|injection|web application|heartbleed/i, 'initial-access'],
];

/** The tactic of a Suricata alert (category and signature) or a Zeek notice (note and message). */
export function idsTactic(text: string, srcInternal: boolean): Tactic {
  for (const [pattern, tactic] of IDS_KEYWORDS) if (pattern.test(text)) return tactic;
  return srcInternal ? 'command-and-control' : 'initial-access';
}
