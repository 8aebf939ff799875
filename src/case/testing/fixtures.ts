import { openStore } from '../../store/duckdb.js';
import type { Detection } from '../model.js';
import type { NewElement } from '../path.js';
import { CaseStore } from '../store.js';

/** The original tool's example detection. */
export const SQLI_DETECTION: Detection = { threatType: 'SQL Injection', source: '192.168.1.100', destination: '10.0.0.50', tickets: [], investigator: 'analyst' };

/** The original's example path: ASA-5525 then Catalyst-3850, with their facts. */
export const SQLI_ELEMENTS: NewElement[] = [
  { type: 'firewall', name: 'ASA-5525', movement: 'direct', sourceFacts: [{ key: 'source_interface', value: 'GigabitEthernet0/1' }],
    destinationFacts: [{ key: 'destination_interface', value: 'GigabitEthernet0/2' }, { key: 'ACL_rule', value: 'permit tcp any host 10.0.0.50 eq 80' }] },
  { type: 'switch', name: 'Catalyst-3850', movement: 'direct', sourceFacts: [{ key: 'source_port', value: 'Gi1/0/24' }, { key: 'CAM_entry', value: '0025.64FF.EE12' }],
    destinationFacts: [{ key: 'destination_port', value: 'Gi1/0/12' }, { key: 'VLAN', value: '100' }] },
];

/** A fixed clock that ticks one second per call, for deterministic ids and times. */
export function tickingClock(start = Date.parse('2025-09-29T12:54:53Z')): () => Date {
  let now = start;
  return () => new Date((now += 1000) - 1000);
}

/** A case store in a throw-away in-memory database. */
export async function memoryCaseStore(): Promise<CaseStore> {
  return CaseStore.open(await openStore(':memory:'), tickingClock());
}

/** The path section of the original README's report for the SQL-injection example. */
export const ORIGINAL_PATH = `--- COMPLETE NETWORK PATH ---
SOURCE: 192.168.1.100
    ↓
  ASA-5525 (FIREWALL) - Direct Traversal
      Source → source_interface: GigabitEthernet0/1
      Dest → destination_interface: GigabitEthernet0/2
      Dest → ACL_rule: permit tcp any host 10.0.0.50 eq 80
    ↓
  Catalyst-3850 (SWITCH) - Direct Traversal
      Source → source_port: Gi1/0/24
      Source → CAM_entry: 0025.64FF.EE12
      Dest → destination_port: Gi1/0/12
      Dest → VLAN: 100
    ↓
DESTINATION: 10.0.0.50`;
