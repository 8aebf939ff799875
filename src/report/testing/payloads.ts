import type { ReportInput } from '../model.js';
import { sampleInput } from './sample-analysis.js';

/** Attacker-controlled strings that would run script if a report put them into the page as markup. */
export const XSS = {
  script: '<script>window.pwned=1</script>',
  img: '<img src=x onerror="window.pwned=2;alert(2)">',
  svg: '<svg onload=window.pwned=3>',
  closeJson: '</script><script>window.pwned=4</script>',
  separators: 'line\u2028sep\u2029end',
};

/** The sample analysis and plan with every attacker-controlled string replaced by markup payloads. */
export function hostileInput(): ReportInput {
  const input = sampleInput();
  const a = input.analysis;
  const all = Object.values(XSS).join(' ');
  for (const alert of a.alerts) { alert.explanation += ` ${all}`; alert.dst = [XSS.script, ...alert.dst]; alert.evidence = { ...alert.evidence, query: XSS.img, [XSS.svg]: 1 }; }
  const inc = a.incidents[0];
  inc.c2.push(XSS.img);
  inc.chain.push(`beaconed to ${XSS.closeJson}`);
  for (const e of inc.timeline) { e.summary += ` ${all}`; e.dst.push(XSS.svg); }
  inc.graph.nodes.push({ id: XSS.script, role: 'c2', internal: false });
  inc.graph.edges.push({ src: inc.victims[0], dst: XSS.script, kind: XSS.img, tactic: 'command-and-control', first: inc.start, last: inc.end, count: 1, summary: XSS.separators });
  input.plan.blockDomains.push(XSS.script);
  input.plan.mitigations[0].rules.push({ target: 'dns-sinkhole', title: XSS.img, text: `${XSS.closeJson}\n${XSS.script}` });
  input.tops = [{ id: 'dns', title: 'Top DNS names', columns: [{ key: 'name', label: 'Name', kind: 'text' }, { key: 'queries', label: 'Queries', kind: 'count' }], rows: [{ name: XSS.img, queries: 3 }] }];
  return input;
}
