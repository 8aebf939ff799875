import { ValidationError } from './errors.js';
import { choice, list, object, onlyKeys, text } from './fields.js';
import { ACTIVITIES, DIRECTIONS, ELEMENT_TYPES, MOVEMENTS, type Detection, type Fact } from './model.js';
import type { NewElement } from './path.js';

const DETECTION_KEYS = ['threatType', 'source', 'destination', 'tickets', 'investigator'] as const;
const ELEMENT_KEYS = ['type', 'name', 'movement', 'direction', 'activity', 'sourceFacts', 'destinationFacts'] as const;

/** A fact as `{ key, value }` or the CLI's `key=value`. */
export function parseFact(value: unknown, field: string): Fact {
  if (typeof value === 'string') {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new ValidationError(field, `expected key=value, got ${JSON.stringify(value.slice(0, 80))}`);
    return { key: text(value.slice(0, eq), field, true), value: text(value.slice(eq + 1), field) };
  }
  const fact = object(value, field);
  onlyKeys(fact, ['key', 'value'], field);
  return { key: text(fact.key, `${field}.key`, true), value: text(fact.value, `${field}.value`) };
}

/** A detection; with `partial`, only the fields present (for PATCH). */
export function parseDetection(value: unknown, field = 'detection', partial = false): Partial<Detection> {
  const input = object(value, field);
  onlyKeys(input, DETECTION_KEYS, field);
  const out: Partial<Detection> = {};
  for (const key of ['threatType', 'source', 'destination'] as const) {
    if (input[key] !== undefined || !partial) out[key] = text(input[key], `${field}.${key}`, true);
  }
  if (input.investigator !== undefined) out.investigator = text(input.investigator, `${field}.investigator`);
  if (input.tickets !== undefined) out.tickets = list(input.tickets, `${field}.tickets`, (v, f) => text(v, f, true));
  return out;
}

/** A complete detection, filling optional fields (no tickets; `investigator` defaults to the given actor). */
export function parseNewDetection(value: unknown, investigator: string): Detection {
  const parsed = parseDetection(value);
  return { threatType: parsed.threatType ?? '', source: parsed.source ?? '', destination: parsed.destination ?? '', tickets: parsed.tickets ?? [], investigator: parsed.investigator || investigator };
}

/** Element fields; with `partial`, only those present (for updates). */
export function parseElementFields(value: unknown, field = 'element', partial = false): Partial<NewElement> {
  const input = object(value, field);
  onlyKeys(input, ELEMENT_KEYS, field);
  const out: Partial<NewElement> = {};
  if (input.type !== undefined || !partial) out.type = choice(ELEMENT_TYPES, input.type, `${field}.type`);
  if (input.name !== undefined || !partial) out.name = text(input.name, `${field}.name`, true);
  if (input.movement !== undefined) out.movement = choice(MOVEMENTS, input.movement, `${field}.movement`);
  if (input.direction !== undefined) out.direction = choice(DIRECTIONS, input.direction, `${field}.direction`);
  if (input.activity !== undefined) out.activity = choice(ACTIVITIES, input.activity, `${field}.activity`);
  if (input.sourceFacts !== undefined) out.sourceFacts = list(input.sourceFacts, `${field}.sourceFacts`, parseFact);
  if (input.destinationFacts !== undefined) out.destinationFacts = list(input.destinationFacts, `${field}.destinationFacts`, parseFact);
  return out;
}

/** A new element: type and name required, movement `direct` and no facts unless given. */
export function parseNewElement(value: unknown, field = 'element'): NewElement {
  const parsed = parseElementFields(value, field);
  return { movement: 'direct', sourceFacts: [], destinationFacts: [], ...parsed } as NewElement;
}
