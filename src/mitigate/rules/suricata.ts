import type { RuleSet } from '../model.js';
import { ROLE_WORDS, type Indicator, type RuleContext } from './indicator.js';
import { assignSids } from './sid.js';

/** Classification (from Suricata's default classification.config) per role. */
const CLASSTYPE = { attacker: 'misc-attack', c2: 'trojan-activity', intel: 'trojan-activity', 'dns-tunnel': 'trojan-activity' } as const;

/** The rule keys an indicator gets sids for. */
export function suricataKeys(i: Indicator): string[] {
  return i.kind === 'domain' ? [`dns:${i.value}`, `tls:${i.value}`, `http:${i.value}`] : [`in:${i.value}`, `out:${i.value}`];
}

/** The rules for one indicator; `sid` gives each key's sid. */
function rules(i: Indicator, sid: (key: string) => number): string[] {
  const what = `${ROLE_WORDS[i.role]} ${i.value}`;
  const tail = (key: string): string => `classtype:${CLASSTYPE[i.role]}; sid:${sid(key)}; rev:1; metadata:created_by tracer;)`;
  if (i.kind !== 'domain') {
    return [
      `drop ip ${i.value} any -> $HOME_NET any (msg:"Tracer block: traffic from ${what}"; ${tail(`in:${i.value}`)}`,
      `drop ip $HOME_NET any -> ${i.value} any (msg:"Tracer block: traffic to ${what}"; ${tail(`out:${i.value}`)}`,
    ];
  }
  const match = `dotprefix; content:".${i.value}"; endswith;`;
  return [
    `drop dns $HOME_NET any -> any any (msg:"Tracer block: DNS query for ${what}"; dns.query; ${match} nocase; ${tail(`dns:${i.value}`)}`,
    `drop tls $HOME_NET any -> any any (msg:"Tracer block: TLS SNI of ${what}"; tls.sni; ${match} nocase; ${tail(`tls:${i.value}`)}`,
    `drop http $HOME_NET any -> any any (msg:"Tracer block: HTTP Host of ${what}"; http.host; ${match} ${tail(`http:${i.value}`)}`,
  ];
}

/**
 * Suricata rules (drop in IPS mode, alert in IDS mode): traffic from and to each address,
 * and DNS queries, TLS SNIs and HTTP Hosts of each name and its subdomains. Sids come from
 * `sids` (see assignSids) so the same indicator has the same sid in every file.
 * @example suricataRules(list, ctx, assignSids(list.flatMap(suricataKeys)))
 */
export function suricataRules(list: Indicator[], ctx: RuleContext, sids?: ReadonlyMap<string, number>): RuleSet[] {
  if (list.length === 0) return [];
  const map = sids ?? assignSids(list.flatMap(suricataKeys));
  const sid = (key: string): number => {
    const n = map.get(key);
    if (n === undefined) throw new RangeError(`Cannot write a Suricata rule for ${key}: no sid was assigned`);
    return n;
  };
  const text = [
    `# Tracer: ${ctx.title} (${list.length} indicator(s)). Add to rule-files in suricata.yaml and reload.`,
    ...list.flatMap((i) => rules(i, sid)),
    '',
  ].join('\n');
  return [{ target: 'suricata', title: ctx.title, text, file: 'tracer.rules' }];
}
