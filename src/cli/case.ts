import { createCaseFromEvidence } from '../case/from-evidence.js';
import { openExistingStore } from '../store/duckdb.js';
import { escapeTerminal } from '../util/escape.js';
import { asUsage, parseCaseArgs } from './case-args.js';
import { runCaseEdit } from './case-edit.js';
import { fromAnalysis } from './case-from-analysis.js';
import { runCaseInteractive } from './case-interactive.js';
import { runCaseIo } from './case-io.js';
import { UsageError, type Command } from './command.js';

const usage = `tracer case <sub-command> [--db FILE] …   (store: ./tracer.duckdb unless --db)

Document an attack path hop by hop (the TRACER method), interactively or step by step.

Interactive:
  new                          initial detection, then add elements at numbered insert points; "done" prints the report
  continue ID                  resume a case (also: edit N, remove N, undo, redo, quit)
Step by step:
  open --threat T --src IP --dst IP [--ticket X]… [--investigator NAME]     prints the new case id
  add-element --case ID [--at N] --type T --name NAME [--movement direct|lateral|pivot]
              [--direction inbound|outbound|east-west|hairpin] [--activity control|monitoring|both]
              [--src-fact KEY=VALUE]… [--dst-fact KEY=VALUE]…
  edit-element --case ID --element el-N|N [same options; facts given replace the side's facts]
  remove-element --case ID --element el-N|N
  set --case ID [--status active|completed|on_hold|archived] [--pillar Name=status[:notes]]…
      [--note TEXT]… [--mitigation TEXT]… [--evidence kind:ref]… [--ticket X]… [--threat T] [--investigator NAME]
  undo --case ID | redo --case ID
Reading and moving cases:
  list [--json] | show ID [--format text|json|markdown|html] | export ID [--format …] [--out FILE]
  history ID | import FILE…    (Tracer exports and tracer.py analysis/database JSON files)
From a capture already ingested, or an analysis:
  from-capture --db FILE --src IP --dst IP [--threat T] [--uid UID]… [--alert ID]…
      proposes switches from VLAN tags and layer-2 hops from MAC pairs; links the connections and the
      alerts of "tracer detect" between the two (or the given alert ids) as evidence
  from-analysis --db FILE [--analysis analysis.json] [--incident ID]
      opens a case from an incident of "tracer analyze" (the most severe by default): attacker to
      compromised host, hops proposed as above, its alerts and log lines as evidence, the chain as notes

Element types: firewall router switch ids ips ndr proxy load_balancer wireless_ap endpoint other.
Edits apply to the latest version (retried if another writer got in first); changes are recorded with
$TRACER_USER (or the OS user).

Example:
  id=$(tracer case open --threat "SQL Injection" --src 192.168.1.100 --dst 10.0.0.50)
  tracer case add-element --case $id --at 1 --type firewall --name ASA-5525 --src-fact interface=Gi0/1
  tracer case show $id --format markdown`;

async function fromCapture(argv: string[]): Promise<number> {
  const { values } = parseCaseArgs(argv, { src: { type: 'string' }, dst: { type: 'string' }, threat: { type: 'string' }, uid: { type: 'string', multiple: true }, alert: { type: 'string', multiple: true } }, 'from-capture');
  if (!values.db) throw new UsageError('case from-capture: give --db FILE (a store written by "tracer ingest")');
  const store = await openExistingStore(values.db);
  try {
    const created = await asUsage('from-capture', () => createCaseFromEvidence(store, { source: values.src ?? '', destination: values.dst ?? '', threatType: values.threat, uids: values.uid, alerts: values.alert }));
    const c = created.case;
    process.stdout.write(`${c.id}: ${c.path.length} proposed elements, ${c.evidence.length} evidence links\n`);
    for (const e of c.path) process.stdout.write(`  ${e.id} ${escapeTerminal(e.name)} (${e.type})\n`);
  } finally {
    await store.close();
  }
  return 0;
}

/** `tracer case`: cases — interactive, step by step, import/export and from a capture. */
const caseCommand: Command = {
  name: 'case',
  summary: 'Document an attack path hop by hop (TRACER cases): interactive, scriptable, reports',
  usage,
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'new' || sub === 'continue') return runCaseInteractive(sub, rest);
    if (['add-element', 'edit-element', 'remove-element', 'set', 'undo', 'redo'].includes(sub ?? '')) return runCaseEdit(sub, rest);
    if (['open', 'list', 'show', 'export', 'import', 'history'].includes(sub ?? '')) return runCaseIo(sub, rest);
    if (sub === 'from-capture') return fromCapture(rest);
    if (sub === 'from-analysis') return fromAnalysis(rest);
    throw new UsageError(sub ? `case: unknown sub-command "${escapeTerminal(sub)}"; run "tracer help case"` : 'case: give a sub-command; run "tracer help case"');
  },
};

export default caseCommand;
