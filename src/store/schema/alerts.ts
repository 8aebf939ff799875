import type { LogSchema } from './types.js';

/** alerts: one record per detection, written by `tracer detect` (replaced on each run). */
export const alertsSchema: LogSchema = {
  name: 'alerts',
  doc: 'Detections with their evidence, as written by the detection engine.',
  fields: [
    { name: 'id', type: 'string', doc: 'Deterministic id: hash of the detector and the alert key.' },
    { name: 'detector', type: 'string', doc: 'Detector that raised the alert (port_scan, beacon…).' },
    { name: 'severity', type: 'enum', doc: 'info, low, medium, high or critical.' },
    { name: 'score', type: 'double', doc: 'Confidence/strength from 0 to 1.' },
    { name: 'tactic', type: 'string', doc: 'MITRE ATT&CK tactic name.' },
    { name: 'technique_id', type: 'string', doc: 'MITRE ATT&CK technique id (T1046…).' },
    { name: 'technique', type: 'string', doc: 'MITRE ATT&CK technique name.' },
    { name: 'first_seen', type: 'time', doc: 'Time of the first evidence record.' },
    { name: 'last_seen', type: 'time', doc: 'Time of the last evidence record.' },
    { name: 'src', type: 'string', doc: 'Source (attacker, beaconing host…): an address or MAC.' },
    { name: 'dst', type: 'vector[string]', doc: 'Destination(s): addresses, or names for name-keyed detections.' },
    { name: 'explanation', type: 'string', doc: 'One sentence with the numbers that triggered the alert.' },
    { name: 'evidence', type: 'string', doc: 'JSON: connection uids, record references and counts.' },
  ],
};
