/**
 * Mitigations for what an analysis actually saw (TRACER Engage and Refine): block
 * rules ready to paste for each enforcement point on the attack path, hardening
 * steps for the weaknesses exploited, and how to check the controls work.
 */

/** Where a block rule is enforced. */
export type RuleTarget = 'iptables' | 'nftables' | 'cisco-asa' | 'suricata' | 'zeek-intel' | 'dns-sinkhole';

/** A ready-to-paste rule set for one enforcement point. */
export interface RuleSet {
  target: RuleTarget;
  /** What it blocks, one line. */
  title: string;
  /** The text to paste, lines joined by \n (values validated, never raw traffic strings). */
  text: string;
  /** File name to save the text under (`ip6tables.rules`, `rpz.tracer.zone`…), when it is a whole file. */
  file?: string;
}

/** One mitigation: what to do about one finding, and why. */
export interface Mitigation {
  id: string;
  /** immediate (contain now), short-term (harden), long-term (refine). */
  priority: 'immediate' | 'short-term' | 'long-term';
  title: string;
  /** Which finding it answers, with numbers. */
  why: string;
  /** Alert ids or incident ids it answers. */
  refs: string[];
  rules: RuleSet[];
  /** Hardening steps in plain sentences (disable SSH passwords, rate-limit, segment…). */
  hardening: string[];
  /** How to validate that the control works (a command or check per line). */
  validation: string[];
}

/** Every mitigation for one analysis, plus the indicators they block. */
export interface MitigationPlan {
  mitigations: Mitigation[];
  /** Addresses to block, deduplicated, sorted. */
  blockAddresses: string[];
  /** Domain names to sinkhole, deduplicated, sorted. */
  blockDomains: string[];
  /** Every block rule of the plan merged, one set per file (what `tracer mitigate --out` writes). */
  files?: RuleSet[];
}
