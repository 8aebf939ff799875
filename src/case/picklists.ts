import type { ElementType } from './model.js';

/**
 * Suggested fact keys per element type (the picklists). Any other
 * key is accepted as free text; these only guide the investigator.
 */
export const FACT_PICKLISTS: Record<ElementType, readonly string[]> = {
  firewall: ['interface', 'zone', 'ACL_rule', 'NAT'],
  router: ['interface', 'route', 'next_hop'],
  switch: ['port', 'VLAN', 'CAM_entry', 'STP'],
  ids: ['signature', 'alert_id'],
  ips: ['signature', 'alert_id'],
  ndr: ['signature', 'alert_id'],
  proxy: ['URL', 'user'],
  load_balancer: ['VIP', 'pool_member'],
  wireless_ap: ['SSID', 'BSSID', 'client_MAC'],
  endpoint: ['hostname', 'user', 'process'],
  other: [],
};

/**
 * The fact key for a picklist answer: a number picks from the list, anything
 * else is taken as typed (trimmed). `factKey('firewall', '2')` → `zone`.
 */
export function factKey(type: ElementType, answer: string): string {
  const trimmed = answer.trim();
  const list = FACT_PICKLISTS[type];
  const index = /^\d+$/.test(trimmed) ? Number(trimmed) - 1 : -1;
  return index >= 0 && index < list.length ? list[index] : trimmed;
}
