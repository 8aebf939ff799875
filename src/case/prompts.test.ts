import { describe, expect, it } from 'vitest';
import { interactiveCase, type Terminal } from './prompts.js';
import type { CaseStore } from './store.js';
import { memoryCaseStore } from './testing/fixtures.js';

/** A terminal that answers from a script and records everything shown. */
function scripted(answers: readonly string[]): Terminal & { shown: () => string } {
  const queue = [...answers];
  let out = '';
  return {
    async ask(question) { out += question; return queue.shift(); },
    print(text) { out += text; },
    shown: () => out,
  };
}

async function session(answers: readonly string[], existing?: CaseStore, id?: string): Promise<{ cases: CaseStore; shown: string; code: number }> {
  const cases = existing ?? await memoryCaseStore();
  const term = scripted(answers);
  const code = await interactiveCase(term, (work) => work(cases), ':memory:', id);
  return { cases, shown: term.shown(), code };
}

const DETECTION = ['Malware C2', '10.1.1.5', '203.0.113.9'];
const ROUTER = ['2', 'edge-1', 'direct', 'outbound', 'control', '2', '0.0.0.0/0 via isp', '', 'n'];

describe('interactive case flow', () => {
  it('adds at insert points with picklist numbers, edits, removes, undoes and redoes', async () => {
    const { cases, shown, code } = await session([...DETECTION,
      '1', ...ROUTER,
      '1', 'firewall', 'fw-1', 'lateral', 'inbound', '', '1', 'outside', '', 'y', 'NAT', '10.1.1.5 -> 198.51.100.2', '',
      'edit 2', '', 'edge-rtr', 'pivot', '', '', 'n',
      'remove 1', 'undo', 'redo', 'undo',
      'banana', '7', 'edit 9', 'quit']);
    expect(code).toBe(0);
    const [stored] = await cases.list();
    expect(stored.case.path.map((e) => [e.name, e.movement])).toEqual([['fw-1', 'lateral'], ['edge-rtr', 'pivot']]);
    expect(stored.case.path[0].sourceFacts).toEqual([{ key: 'interface', value: 'outside' }]);
    expect(stored.case.path[0].destinationFacts).toEqual([{ key: 'NAT', value: '10.1.1.5 -> 198.51.100.2' }]);
    expect(stored.case.path[1]).toMatchObject({ direction: 'outbound', activity: 'control', sourceFacts: [{ key: 'route', value: '0.0.0.0/0 via isp' }] });
    expect(shown).toContain('Suggested: 1) interface  2) route  3) next_hop');
    expect(shown).toContain('insert point: choose 1..3');
    expect(shown).toContain('edit: give an element number 1..2');
    expect(shown).toContain("Enter an insert point number");
    expect(shown).toContain('Types: 1) firewall  2) router');
  });

  it('continues a stored case and ends quietly when input ends mid-question', async () => {
    const first = await session([...DETECTION, '1', ...ROUTER, 'quit']);
    const [{ case: doc }] = await first.cases.list();
    const { shown, cases } = await session(['2', 'switch', 'sw-'], first.cases, doc.id);
    expect(shown).toContain('#1 edge-1 (ROUTER) - Direct Traversal (outbound, control)');
    expect((await cases.get(doc.id))?.case.path).toHaveLength(1);
  });

  it('prints the report on done', async () => {
    const { shown } = await session([...DETECTION, '1', ...ROUTER, 'done', 'n']);
    expect(shown).toContain('Direct Traversals: 1');
    expect(shown).toContain('TRACER Analysis Complete');
  });
});
