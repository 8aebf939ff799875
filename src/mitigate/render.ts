import type { MitigationPlan, RuleSet, RuleTarget } from './model.js';

/** The plan's files for one target, or all of them. */
export function targetFiles(plan: MitigationPlan, target?: RuleTarget): RuleSet[] {
  return (plan.files ?? []).filter((f) => target === undefined || f.target === target);
}

/** The files of one target as one text to print: each under a `==> file <==` line, as `tail` heads files. */
export function renderTarget(plan: MitigationPlan, target: RuleTarget): string {
  const files = targetFiles(plan, target);
  if (files.length === 0) return `# Tracer: nothing to block with ${target} in this analysis.\n`;
  return files.map((f) => (files.length > 1 ? `==> ${f.file} <==\n${f.text}` : f.text)).join('\n');
}

/** The plan as plain text for a terminal: each mitigation with why, rules, hardening and checks. */
export function renderPlan(plan: MitigationPlan): string {
  if (plan.mitigations.length === 0) return 'Nothing to mitigate: the analysis holds no attack.\n';
  const out: string[] = [
    `Block addresses: ${plan.blockAddresses.join(', ') || 'none'}`,
    `Sinkhole names:  ${plan.blockDomains.join(', ') || 'none'}`,
    '',
  ];
  plan.mitigations.forEach((m, n) => {
    out.push(`${n + 1}. [${m.priority}] ${m.title}  (${m.id})`, `   Why: ${m.why}`);
    if (m.refs.length > 0) out.push(`   Answers: ${m.refs.join(', ')}`);
    for (const r of m.rules) out.push(`   --- ${r.target}: ${r.title}${r.file ? ` [${r.file}]` : ''}`, ...r.text.trimEnd().split('\n').map((l) => `   ${l}`));
    if (m.hardening.length > 0) out.push('   Hardening:', ...m.hardening.map((h) => `   - ${h}`));
    if (m.validation.length > 0) out.push('   Check:', ...m.validation.map((v) => `   $ ${v}`));
    out.push('');
  });
  return `${out.join('\n')}\n`;
}
