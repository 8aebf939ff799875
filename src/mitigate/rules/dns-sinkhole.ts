import type { RuleSet } from '../model.js';
import type { Indicator, RuleContext } from './indicator.js';

/** Origin of the response-policy zone Tracer writes. */
export const RPZ_ZONE = 'rpz.tracer';

/** An RPZ zone file: each name and its subdomains answer NXDOMAIN, or the sinkhole address. */
function rpz(names: string[], ctx: RuleContext, sinkhole?: string): RuleSet {
  const answer = sinkhole ? `A ${sinkhole}` : 'CNAME .';
  const text = [
    `; Tracer: ${ctx.title} (${names.length} name(s)). BIND: zone "${RPZ_ZONE}" { type primary; file "${RPZ_ZONE}.zone"; };`,
    `; and options { response-policy { zone "${RPZ_ZONE}"; }; };  Answers ${sinkhole ? `the sinkhole ${sinkhole}` : 'NXDOMAIN'}.`,
    '$TTL 300',
    `@ IN SOA localhost. hostmaster.localhost. ( 1 3600 600 86400 300 )`,
    '  IN NS localhost.',
    ...names.flatMap((n) => [`${n} ${answer}`, `*.${n} ${answer}`]),
    '',
  ].join('\n');
  return { target: 'dns-sinkhole', title: `${ctx.title} (RPZ zone)`, text, file: `${RPZ_ZONE}.zone` };
}

/** unbound.conf lines: each name and its subdomains answer NXDOMAIN, or the sinkhole address. */
function unbound(names: string[], ctx: RuleContext, sinkhole?: string): RuleSet {
  const zones = names.flatMap((n) => sinkhole
    ? [`    local-zone: "${n}." redirect`, `    local-data: "${n}. 300 IN A ${sinkhole}"`]
    : [`    local-zone: "${n}." always_nxdomain`]);
  const text = [`# Tracer: ${ctx.title} (${names.length} name(s)). Include from unbound.conf and run unbound-control reload.`, 'server:', ...zones, ''].join('\n');
  return { target: 'dns-sinkhole', title: `${ctx.title} (unbound local-zone)`, text, file: 'unbound-sinkhole.conf' };
}

/**
 * DNS sinkhole lists for the names: a BIND/Knot/PowerDNS response-policy zone and unbound
 * local-zone lines. `sinkhole` (a validated IPv4 address) answers instead of NXDOMAIN.
 * @example dnsSinkholeRules([{ value: 'evil.example', kind: 'domain', role: 'c2' }], ctx)
 */
export function dnsSinkholeRules(list: Indicator[], ctx: RuleContext, sinkhole?: string): RuleSet[] {
  const names = list.filter((i) => i.kind === 'domain').map((i) => i.value);
  return names.length === 0 ? [] : [rpz(names, ctx, sinkhole), unbound(names, ctx, sinkhole)];
}
