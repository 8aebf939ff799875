import { ValidationError } from './errors.js';
import { MAX_ITEMS } from './fields.js';
import type { Case } from './model.js';
import { newCase } from './new-case.js';
import { applyCasePatch, parseCasePatch } from './patch.js';
import { insertElement } from './path.js';
import { parseFact, parseNewDetection, parseNewElement } from './validate.js';

/** Field names the original tool (tracer.py) may use for each of ours; its JSON shape is inferred from its README. */
const ALIASES = {
  id: ['case_id', 'id', 'caseId'],
  threatType: ['threat_type', 'threat', 'threatType'],
  source: ['source_ip', 'source', 'src_ip', 'src'],
  destination: ['destination_ip', 'destination', 'dest_ip', 'dst_ip', 'dst'],
  createdAt: ['timestamp', 'analysis_timestamp', 'created_at', 'createdAt'],
  path: ['network_path', 'path', 'elements', 'network_elements'],
  type: ['type', 'element_type'],
  name: ['name', 'identifier', 'element_name'],
  movement: ['movement', 'traversal_type', 'traversal', 'movement_type'],
  sourceFacts: ['source_info', 'source_information', 'source_facts', 'sourceFacts'],
  destinationFacts: ['destination_info', 'destination_information', 'dest_info', 'destination_facts', 'destinationFacts'],
} as const;

function pick(raw: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) if (raw[name] !== undefined && raw[name] !== null) return raw[name];
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Facts as `{ key: value }` (the original's dicts) or as a list of `{ key, value }` / `key=value`. */
function facts(value: unknown, field: string): Array<{ key: string; value: string }> {
  if (value === undefined) return [];
  const entries = isRecord(value) ? Object.entries(value).map(([key, v]) => ({ key, value: String(v) })) : value;
  if (!Array.isArray(entries) || entries.length > MAX_ITEMS) throw new ValidationError(field, 'expected an object or a list of facts');
  return entries.map((f: unknown, i) => parseFact(f, `${field}[${i}]`));
}

function originalCase(raw: Record<string, unknown>, field: string, investigator: string): Case {
  const detection = parseNewDetection({ threatType: pick(raw, ALIASES.threatType), source: pick(raw, ALIASES.source), destination: pick(raw, ALIASES.destination) }, investigator);
  const created = Date.parse(String(pick(raw, ALIASES.createdAt)));
  const id = String(pick(raw, ALIASES.id) ?? '');
  if (!/^[\w.-]{1,100}$/.test(id)) throw new ValidationError(`${field}.case_id`, 'expected a case id of letters, digits, _ . -');
  const path = pick(raw, ALIASES.path) ?? [];
  if (!Array.isArray(path)) throw new ValidationError(`${field}.network_path`, 'expected a list of elements');
  return path.reduce<Case>((doc, rawElement: unknown, i) => {
    const where = `${field}.network_path[${i}]`;
    if (!isRecord(rawElement)) throw new ValidationError(where, 'expected an object');
    const element = parseNewElement({ type: pick(rawElement, ALIASES.type), name: pick(rawElement, ALIASES.name), movement: pick(rawElement, ALIASES.movement) ?? 'direct' }, where);
    element.sourceFacts = facts(pick(rawElement, ALIASES.sourceFacts), `${where}.source_info`);
    element.destinationFacts = facts(pick(rawElement, ALIASES.destinationFacts), `${where}.destination_info`);
    return insertElement(doc, doc.path.length + 1, element);
  }, newCase(id, detection, new Date(Number.isFinite(created) ? created : 0)));
}

/** A case exported by Tracer (`tracer case export`, JSON report), re-validated field by field; undefined if not that shape. */
function tracerCase(raw: Record<string, unknown>, field: string, investigator: string): Case | undefined {
  const doc = raw.case;
  if (!isRecord(doc) || !isRecord(doc.detection) || !Array.isArray(doc.path)) return undefined;
  const id = String(doc.id ?? '');
  if (!/^[\w.-]{1,100}$/.test(id)) throw new ValidationError(`${field}.case.id`, 'expected a case id of letters, digits, _ . -');
  const created = Date.parse(String(doc.createdAt));
  const { status, notes, mitigations, evidence, pillars } = doc;
  const patch = parseCasePatch(Object.fromEntries(Object.entries({ status, notes, mitigations, evidence, pillars }).filter(([, v]) => v !== undefined)));
  const start = applyCasePatch(newCase(id, parseNewDetection(doc.detection, investigator), new Date(Number.isFinite(created) ? created : 0)), patch);
  return doc.path.reduce<Case>((built, element: unknown, i) => {
    const { id: _id, ...fields } = isRecord(element) ? element : {};
    return insertElement(built, built.path.length + 1, parseNewElement(fields, `${field}.case.path[${i}]`));
  }, start);
}

/**
 * The cases in a JSON file: Tracer's own export, the original tool's analysis
 * file (one case) or its database (a list, `{ cases: [...] }` or `{ id: case }`).
 * @throws ValidationError naming the JSON path of the first bad field
 */
export function casesFromJson(value: unknown, investigator: string): Case[] {
  const exported = isRecord(value) ? tracerCase(value, '$', investigator) : undefined;
  if (exported) return [exported];
  if (isRecord(value) && pick(value, ALIASES.threatType) !== undefined) return [originalCase(value, '$', investigator)];
  const container = isRecord(value) && value.cases !== undefined ? value.cases : value;
  const entries = Array.isArray(container) ? container.map((c, i) => [`$[${i}]`, c] as const)
    : isRecord(container) ? Object.entries(container).map(([k, c]) => [`$.${k}`, isRecord(c) && c.case_id === undefined ? { case_id: k, ...c } : c] as const) : [];
  if (entries.length === 0) throw new ValidationError('$', 'no case found (expected a Tracer export or a tracer.py analysis/database file)');
  if (entries.length > MAX_ITEMS) throw new ValidationError('$', `more than ${MAX_ITEMS} cases`);
  return entries.map(([field, c]) => {
    if (!isRecord(c)) throw new ValidationError(field, 'expected a case object');
    return tracerCase(c, field, investigator) ?? originalCase(c, field, investigator);
  });
}
