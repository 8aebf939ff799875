import { openStore } from '../../store/duckdb.js';
import { addElement } from '../operations.js';
import { CaseStore } from '../store.js';
import { SQLI_DETECTION, SQLI_ELEMENTS } from './fixtures.js';

/**
 * Child process of the crash test: writes cases to the store at argv[2]
 * forever (a create, then element after element), printing
 * `committed <id> <version>` after each write returns. The test kills it with
 * SIGKILL mid-loop.
 */
async function writeForever(path: string): Promise<void> {
  const cases = await CaseStore.open(await openStore(path));
  for (let n = 0; ; n++) {
    const { case: doc } = await cases.create(SQLI_DETECTION);
    process.stdout.write(`committed ${doc.id} 1\n`);
    for (const element of [...SQLI_ELEMENTS, ...SQLI_ELEMENTS]) {
      const stored = await cases.update(doc.id, 'add-element', addElement(element));
      process.stdout.write(`committed ${doc.id} ${stored.version}\n`);
    }
  }
}

void writeForever(process.argv[2]);
