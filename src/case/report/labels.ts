import type { Movement, PathElement } from '../model.js';

const MOVEMENT_LABELS: Record<Movement, string> = { direct: 'Direct Traversal', lateral: 'Lateral Movement', pivot: 'Pivot Point' };

/** The original's element heading: `ASA-5525 (FIREWALL) - Direct Traversal`. */
export function elementHeading(element: PathElement): string {
  return `${element.name} (${element.type.replace(/_/g, ' ').toUpperCase()}) - ${MOVEMENT_LABELS[element.movement]}`;
}

/** Direction and activity when set, e.g. `inbound, control`; empty when neither is. */
export function elementRole(element: PathElement): string {
  return [element.direction, element.activity].filter(Boolean).join(', ');
}

/** Words for a snake_case value: `on_hold` → `on hold`. */
export function words(value: string): string {
  return value.replace(/_/g, ' ');
}
