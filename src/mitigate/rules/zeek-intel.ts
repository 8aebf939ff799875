import type { RuleSet } from '../model.js';
import { ROLE_WORDS, type Indicator, type RuleContext } from './indicator.js';

/**
 * A Zeek intelligence file (tab-separated, `#fields` header): Intel::ADDR for addresses,
 * Intel::DOMAIN for names, with Tracer as the source and the role as the description.
 * Zeek reads no comments here, so the title stays out of the file.
 * @example zeekIntelRules(list, ctx)[0].text // '#fields\tindicator\tindicator_type\t…'
 */
export function zeekIntelRules(list: Indicator[], ctx: RuleContext): RuleSet[] {
  if (list.length === 0) return [];
  const rows = list.map((i) => [i.value, i.kind === 'domain' ? 'Intel::DOMAIN' : 'Intel::ADDR', 'tracer', ROLE_WORDS[i.role]].join('\t'));
  const text = ['#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc', ...rows, ''].join('\n');
  return [{ target: 'zeek-intel', title: ctx.title, text, file: 'tracer-intel.dat' }];
}
