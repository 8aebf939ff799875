import { PILLAR_NAMES, type Pillar, type PillarName } from './model.js';

/** The question each pillar asks, from the TRACER framework. */
export const PILLAR_QUESTIONS: Record<PillarName, string> = {
  Trust: 'Network appliance integrity: can the routers, switches, firewalls and sensors on the path be trusted?',
  Recognize: 'Threat identification: was the threat caught, and can its traffic be fingerprinted?',
  Analyze: 'Threat traffic mapping: is the path mapped source to destination, logically and chronologically?',
  Communicate: 'Collaboration and documentation: are findings documented and shared with the other teams?',
  Engage: 'Threat response: which network controls mitigate the active threat?',
  Refine: 'Remediation and restoration: are detective and preventive controls in place and validated?',
};

/** A fresh checklist: every pillar not started, no notes. */
export function defaultPillars(): Pillar[] {
  return PILLAR_NAMES.map((name) => ({ name, status: 'not_started', notes: '' }));
}
