import { addElement, deleteElement, editElement, type CaseChange } from '../case/operations.js';
import { list, text } from '../case/fields.js';
import { applyCasePatch, parseCasePatch, parseEvidence, parsePillarChange, type PillarChange } from '../case/patch.js';
import type { Evidence } from '../case/model.js';
import { parseDetection, parseElementFields, parseNewElement } from '../case/validate.js';
import { escapeTerminal } from '../util/escape.js';
import { asUsage, caseIdArg, parseCaseArgs, withCases } from './case-args.js';
import { UsageError } from './command.js';

const ELEMENT_OPTIONS = {
  element: { type: 'string' }, at: { type: 'string' }, type: { type: 'string' }, name: { type: 'string' },
  movement: { type: 'string' }, direction: { type: 'string' }, activity: { type: 'string' },
  'src-fact': { type: 'string', multiple: true }, 'dst-fact': { type: 'string', multiple: true },
} as const;

const SET_OPTIONS = {
  status: { type: 'string' }, pillar: { type: 'string', multiple: true }, note: { type: 'string', multiple: true },
  mitigation: { type: 'string', multiple: true }, evidence: { type: 'string', multiple: true },
  threat: { type: 'string' }, investigator: { type: 'string' }, ticket: { type: 'string', multiple: true },
} as const;

type ElementValues = ReturnType<typeof parseCaseArgs<typeof ELEMENT_OPTIONS>>['values'];

function elementInput(values: ElementValues): Record<string, unknown> {
  const input: Record<string, unknown> = { type: values.type, name: values.name, movement: values.movement, direction: values.direction, activity: values.activity, sourceFacts: values['src-fact'], destinationFacts: values['dst-fact'] };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

function elementChange(sub: string, values: ElementValues): CaseChange {
  if (sub === 'add-element') {
    const at = values.at === undefined ? undefined : Number(values.at);
    if (at !== undefined && !Number.isInteger(at)) throw new UsageError(`--at needs an insert point number, got "${values.at}"`);
    return addElement(parseNewElement(elementInput(values), 'element'), at);
  }
  if (!values.element) throw new UsageError(`case ${sub}: which element? give --element el-N or its position`);
  return sub === 'remove-element' ? deleteElement(values.element) : editElement(values.element, parseElementFields(elementInput(values), 'element', true));
}

/** `pillar` as `Name=status` or `Name=status:notes`. */
function pillarArg(arg: string): PillarChange[] {
  const [name, rest = ''] = arg.split('=', 2);
  const colon = rest.indexOf(':');
  const change: Record<string, string> = { name, status: colon < 0 ? rest : rest.slice(0, colon) };
  if (colon >= 0) change.notes = rest.slice(colon + 1);
  return [parsePillarChange(change, `--pillar ${arg}`)];
}

/** `evidence` as `kind:ref` (the ref may hold colons, e.g. a URL). */
function evidenceArg(arg: string): Evidence[] {
  const colon = arg.indexOf(':');
  return [parseEvidence({ kind: colon < 0 ? arg : arg.slice(0, colon), ref: colon < 0 ? '' : arg.slice(colon + 1) }, `--evidence ${arg}`)];
}

function setChange(values: ReturnType<typeof parseCaseArgs<typeof SET_OPTIONS>>['values']): CaseChange {
  const patch = parseCasePatch(values.status === undefined ? {} : { status: values.status });
  const detection = parseDetection(Object.fromEntries(Object.entries({ threatType: values.threat, investigator: values.investigator }).filter(([, v]) => v !== undefined)), 'detection', true);
  const added = {
    tickets: list(values.ticket ?? [], '--ticket', (v, f) => text(v, f, true)),
    notes: list(values.note ?? [], '--note', (v, f) => text(v, f, true)),
    mitigations: list(values.mitigation ?? [], '--mitigation', (v, f) => text(v, f, true)),
    evidence: (values.evidence ?? []).flatMap(evidenceArg),
    pillars: (values.pillar ?? []).flatMap(pillarArg),
  };
  return (doc) => applyCasePatch(doc, {
    ...patch,
    detection: { ...detection, tickets: [...doc.detection.tickets, ...added.tickets] },
    notes: [...doc.notes, ...added.notes],
    mitigations: [...doc.mitigations, ...added.mitigations],
    evidence: [...doc.evidence, ...added.evidence],
    pillars: added.pillars,
  });
}

/** Runs an editing sub-command (add-element, edit-element, remove-element, set, undo, redo); prints the new version. */
export async function runCaseEdit(sub: string, argv: string[]): Promise<number> {
  const isSet = sub === 'set';
  const { values, positionals } = parseCaseArgs(argv, isSet ? SET_OPTIONS : ELEMENT_OPTIONS, sub);
  const id = caseIdArg(values, positionals, sub);
  const stored = await withCases(values.db, (cases) => asUsage(sub, async () => {
    if (sub === 'undo' || sub === 'redo') return cases.step(id, sub);
    const change = isSet ? setChange(values as Parameters<typeof setChange>[0]) : elementChange(sub, values as ElementValues);
    return cases.update(id, sub, change);
  }));
  const path = stored.case.path.map((e, i) => `${i + 1}. ${e.id} ${e.name}`).join('  ');
  process.stdout.write(`${escapeTerminal(stored.case.id)} version ${stored.version}: ${escapeTerminal(path) || '(empty path)'}\n`);
  return 0;
}
