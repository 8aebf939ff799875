import { writeFileSync } from 'node:fs';
import { escapeTerminal } from '../util/escape.js';
import { currentActor } from './actor.js';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.js';
import { choice, text } from './fields.js';
import { ACTIVITIES, DIRECTIONS, ELEMENT_TYPES, MOVEMENTS, type Case, type ElementType, type Fact, type PathElement, type StoredCase } from './model.js';
import { addElement, deleteElement, editElement, type CaseChange } from './operations.js';
import { pathView } from './path-view.js';
import { FACT_PICKLISTS, factKey } from './picklists.js';
import { renderReport } from './report/index.js';
import type { CaseStore } from './store.js';
import { parseNewDetection } from './validate.js';

/** The terminal: ask a question (undefined at end of input) and print text. */
export interface Terminal { ask(question: string): Promise<string | undefined>; print(text: string): void }

/** Runs work with the case store open (the store is opened per step, so no lock is held while the user types). */
export type UseCases = <T>(work: (cases: CaseStore) => Promise<T>) => Promise<T>;

/** Most facts asked for on one side of one element (a typed list; bounds the prompt loop). */
const MAX_FACTS_PER_SIDE = 100;
const RULE = '='.repeat(60);
const HELP = "Enter an insert point number to add an element there; 'edit N' or 'remove N' for element #N; 'undo', 'redo'; 'done' for the report; 'quit' to stop (everything is saved).";

/** Thrown when input ends mid-question: the session stops, every finished step is already saved. */
class EndOfInput extends Error {}

async function required(term: Terminal, question: string): Promise<string> {
  for (;;) {
    const answer = await term.ask(question);
    if (answer === undefined) throw new EndOfInput();
    if (answer.trim() !== '') return answer.trim();
  }
}

async function pick<T extends string>(term: Terminal, question: string, allowed: readonly T[], fallback?: T): Promise<T | undefined> {
  for (;;) {
    const answer = await term.ask(question);
    if (answer === undefined) throw new EndOfInput();
    if (answer.trim() === '') return fallback;
    const numbered = /^\d+$/.test(answer.trim()) ? allowed[Number(answer) - 1] : undefined;
    if (numbered) return numbered;
    try {
      return choice(allowed, answer, 'answer');
    } catch {
      term.print(`Please answer one of: ${allowed.join(', ')}\n`);
    }
  }
}

async function askFacts(term: Terminal, type: ElementType): Promise<Fact[]> {
  const facts: Fact[] = [];
  while (facts.length < MAX_FACTS_PER_SIDE) {
    const answer = await term.ask('Information type: ');
    if (answer === undefined) throw new EndOfInput();
    if (answer.trim() === '') break;
    const key = factKey(type, answer);
    facts.push({ key, value: text(await required(term, `${key}: `), key) });
  }
  return facts;
}

async function askSides(term: Terminal, name: string, type: ElementType): Promise<Pick<PathElement, 'sourceFacts' | 'destinationFacts'>> {
  term.print(`\n--- ${escapeTerminal(name.toUpperCase())} INFORMATION ---\n`);
  const list = FACT_PICKLISTS[type].map((k, i) => `${i + 1}) ${k}`).join('  ');
  term.print(`Suggested: ${list || '(none)'} — or type any name; an empty line ends the list.\n`);
  const sourceFacts = await askFacts(term, type);
  const more = await term.ask('\nAdd destination-specific information for this element? (y/n): ');
  const destinationFacts = more?.trim().toLowerCase().startsWith('y') ? await askFacts(term, type) : [];
  return { sourceFacts, destinationFacts };
}

async function askElement(term: Terminal, current?: PathElement): Promise<Omit<PathElement, 'id'>> {
  const keep = (value: string | undefined): string => (value ? ` [${value}]` : '');
  if (!current) term.print(`--- ADD NETWORK ELEMENT ---\nTypes: ${ELEMENT_TYPES.map((t, i) => `${i + 1}) ${t}`).join('  ')}\n`);
  let type = current ? await pick(term, `Network element type${keep(current.type)}: `, ELEMENT_TYPES, current.type) : undefined;
  while (!type) type = await pick(term, 'Network element type: ', ELEMENT_TYPES);
  const label = type.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const name = text((await term.ask(`${label} name/identifier${keep(current?.name)}: `))?.trim() || current?.name || await required(term, `${label} name/identifier: `), 'name', true);
  const movement = (await pick(term, `Is this direct traversal or lateral movement? (direct/lateral/pivot)${keep(current?.movement ?? 'direct')}: `, MOVEMENTS, current?.movement ?? 'direct')) ?? 'direct';
  const direction = await pick(term, `Traffic direction (${DIRECTIONS.join('/')}; empty to skip)${keep(current?.direction)}: `, DIRECTIONS, current?.direction);
  const activity = await pick(term, `Activity (${ACTIVITIES.join('/')}; empty to skip)${keep(current?.activity)}: `, ACTIVITIES, current?.activity);
  const element = { type, name, movement, ...(direction ? { direction } : {}), ...(activity ? { activity } : {}) };
  if (current && !(await term.ask('Re-enter the facts? (y/n): '))?.trim().toLowerCase().startsWith('y')) return { ...element, sourceFacts: current.sourceFacts, destinationFacts: current.destinationFacts };
  return { ...element, ...(await askSides(term, name, type)) };
}

async function startCase(term: Terminal, useCases: UseCases): Promise<StoredCase> {
  term.print('\n--- INITIAL DETECTION ---\n');
  const threatType = await required(term, 'Threat type detected (e.g., SQL Injection, Malware C2): ');
  const source = await required(term, 'Source IP address: ');
  const destination = await required(term, 'Destination IP address: ');
  const detection = parseNewDetection({ threatType, source, destination }, currentActor());
  const stored = await useCases((cases) => cases.create(detection));
  term.print(escapeTerminal(`\nDetected: ${threatType}\n  Source: ${source}\n  Destination: ${destination}\n`) + `Case ID: ${stored.case.id}\n`);
  return stored;
}

async function finish(term: Terminal, stored: StoredCase, dbPath: string): Promise<void> {
  term.print('\n' + renderReport(stored, 'text'));
  const save = await term.ask('\nSave analysis to JSON file? (y/n): ');
  if (save?.trim().toLowerCase().startsWith('y')) {
    const file = `tracer_analysis_${stored.case.id}.json`;
    writeFileSync(file, renderReport(stored, 'json'));
    term.print(`Analysis saved to ${file}\n`);
  }
  term.print(`Case data automatically saved to: ${escapeTerminal(dbPath)}\n\n${RULE}\nTRACER Analysis Complete\nTrust → Recognize → Analyze → Communicate → Engage → Refine\n${RULE}\n`);
}

async function command(term: Terminal, doc: Case, answer: string): Promise<CaseChange | 'undo' | 'redo' | undefined> {
  const [word, arg = ''] = answer.trim().toLowerCase().split(/\s+/, 2);
  if (/^\d+$/.test(word)) {
    const at = Number(word);
    if (at < 1 || at > doc.path.length + 1) throw new ValidationError('insert point', `choose 1..${doc.path.length + 1}`);
    return addElement(await askElement(term), at);
  }
  if (word === 'undo' || word === 'redo') return word;
  const element = doc.path[Number(arg) - 1];
  if ((word === 'edit' || word === 'remove') && !element) throw new ValidationError(word, `give an element number 1..${doc.path.length}, e.g. "${word} 1"`);
  if (word === 'remove') return deleteElement(element.id);
  if (word === 'edit') return editElement(element.id, await askElement(term, element));
  term.print(HELP + '\n');
  return undefined;
}

/**
 * The original tool's interactive flow: initial detection (new case) or the
 * stored case (continue), then enrichment levels showing the path with insert
 * points, until `done` prints the report. Every step is saved as it is made.
 */
export async function interactiveCase(term: Terminal, useCases: UseCases, dbPath: string, continueId?: string): Promise<number> {
  term.print(`${RULE}\nTRACER Framework - Network Path Analysis Tool\n${RULE}\n`);
  try {
    let stored = continueId ? await useCases((cases) => cases.get(continueId)) : await startCase(term, useCases);
    if (!stored) throw new NotFoundError(`no case "${continueId}" (see "tracer case list")`);
    for (let level = 1; ; level++) {
      const current: StoredCase = stored;
      term.print(`\n--- ENRICHMENT LEVEL ${level} ---\n${pathView(current.case)}${level === 1 ? HELP + '\n' : ''}\n`);
      const answer = await required(term, 'Your choice: ');
      if (answer.toLowerCase() === 'done') return await finish(term, current, dbPath).then(() => 0);
      if (answer.toLowerCase() === 'quit') return 0;
      try {
        const change = await command(term, current.case, answer);
        if (change === 'undo' || change === 'redo') stored = await useCases((cases) => cases.step(current.case.id, change));
        else if (change) stored = await useCases((cases) => cases.update(current.case.id, 'interactive', change));
      } catch (err) {
        if (!(err instanceof ValidationError || err instanceof NotFoundError || err instanceof VersionConflictError || err instanceof RangeError)) throw err;
        term.print(`${escapeTerminal(err.message)}\n`);
      }
    }
  } catch (err) {
    if (err instanceof EndOfInput) return 0;
    throw err;
  }
}
