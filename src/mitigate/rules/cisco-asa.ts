import type { RuleSet } from '../model.js';
import type { Indicator, RuleContext } from './indicator.js';

/** ACL names to replace with the ones bound to the outside and inside interfaces. */
export const ASA_OUTSIDE_ACL = 'OUTSIDE_IN';
export const ASA_INSIDE_ACL = 'INSIDE_OUT';

/**
 * Cisco ASA (9.x unified ACLs) commands: one network object-group holding the addresses
 * (IPv4 and IPv6 `host` entries) and the names (FQDN objects, resolved by the ASA), denied
 * first in the inbound ACL of the outside interface and the inbound ACL of the inside one.
 * @example ciscoAsaRules(list, { name: 'block_c2', title: 'Block the C2 server' })
 */
export function ciscoAsaRules(list: Indicator[], ctx: RuleContext): RuleSet[] {
  if (list.length === 0) return [];
  const group = `TRACER-${ctx.name.toUpperCase().replace(/_/g, '-')}`;
  const names = list.filter((i) => i.kind === 'domain');
  const objects = names.flatMap((i, n) => [`object network ${group}-FQDN-${n + 1}`, ` fqdn ${i.value}`]);
  const members = list.map((i) => i.kind === 'domain' ? ` network-object object ${group}-FQDN-${names.indexOf(i) + 1}` : ` network-object host ${i.value}`);
  const text = [
    `! Tracer: ${ctx.title} (${list.length} indicator(s)).`,
    `! Replace ${ASA_OUTSIDE_ACL} and ${ASA_INSIDE_ACL} with the ACLs that show running-config access-group lists.`,
    ...(names.length > 0 ? ['! FQDN objects need DNS on the ASA: dns domain-lookup <interface> and dns server-group.'] : []),
    'configure terminal',
    ...objects,
    `object-group network ${group}`,
    ...members,
    `access-list ${ASA_OUTSIDE_ACL} line 1 extended deny ip object-group ${group} any`,
    `access-list ${ASA_INSIDE_ACL} line 1 extended deny ip any object-group ${group}`,
    'end',
    '',
  ].join('\n');
  return [{ target: 'cisco-asa', title: ctx.title, text, file: 'cisco-asa.txt' }];
}
