import { describe, expect, it } from 'vitest';
import { NotFoundError, VersionConflictError } from './errors.js';
import { insertElement } from './path.js';
import { memoryCaseStore, SQLI_DETECTION, SQLI_ELEMENTS } from './testing/fixtures.js';

describe('CaseStore', () => {
  it('creates a case with the original id shape and reads it back', async () => {
    const cases = await memoryCaseStore();
    const created = await cases.create(SQLI_DETECTION, { actor: 'alice' });
    expect(created.case.id).toBe('CASE_20250929_125453');
    expect(created.version).toBe(1);
    expect((await cases.get(created.case.id))?.case).toEqual(created.case);
    expect((await cases.create(SQLI_DETECTION)).case.id).not.toBe(created.case.id);
    expect((await cases.list()).length).toBe(2);
  });

  it('bumps the version per change and records who changed what', async () => {
    const cases = await memoryCaseStore();
    const { case: doc } = await cases.create(SQLI_DETECTION, { actor: 'alice' });
    const after = await cases.update(doc.id, 'add-element', (d) => insertElement(d, 1, SQLI_ELEMENTS[0]), { actor: 'bob', expectedVersion: 1 });
    expect(after.version).toBe(2);
    const history = await cases.history(doc.id);
    expect(history.map((h) => [h.version, h.actor, h.action])).toEqual([[1, 'alice', 'create'], [2, 'bob', 'add-element']]);
    expect(history[1].changes).toContainEqual(expect.objectContaining({ path: 'path.0' }));
  });

  it('rejects a write based on a stale version and loses no update', async () => {
    const cases = await memoryCaseStore();
    const { case: doc } = await cases.create(SQLI_DETECTION);
    await cases.update(doc.id, 'a', (d) => insertElement(d, 1, SQLI_ELEMENTS[0]), { expectedVersion: 1 });
    await expect(cases.update(doc.id, 'b', (d) => insertElement(d, 1, SQLI_ELEMENTS[1]), { expectedVersion: 1 })).rejects.toBeInstanceOf(VersionConflictError);
    await Promise.all(SQLI_ELEMENTS.map((e) => cases.update(doc.id, 'c', (d) => insertElement(d, d.path.length + 1, e))));
    expect((await cases.get(doc.id))?.case.path.map((e) => e.name)).toEqual(['ASA-5525', 'ASA-5525', 'Catalyst-3850']);
    expect((await cases.get(doc.id))?.version).toBe(4);
  });

  it('undoes and redoes the latest change; the creation cannot be undone', async () => {
    const cases = await memoryCaseStore();
    const { case: doc } = await cases.create(SQLI_DETECTION);
    await expect(cases.step(doc.id, 'undo')).rejects.toBeInstanceOf(NotFoundError);
    await cases.update(doc.id, 'add', (d) => insertElement(d, 1, SQLI_ELEMENTS[0]));
    expect((await cases.step(doc.id, 'undo')).case.path).toEqual([]);
    expect((await cases.step(doc.id, 'redo')).case.path.map((e) => e.name)).toEqual(['ASA-5525']);
  });

  it('deletes a case but keeps its history, and never reuses its id', async () => {
    const cases = await memoryCaseStore();
    const { case: doc } = await cases.create(SQLI_DETECTION);
    await cases.remove(doc.id);
    expect(await cases.get(doc.id)).toBeUndefined();
    await expect(cases.remove(doc.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await cases.history(doc.id)).at(-1)?.action).toBe('delete');
    await expect(cases.importCase(doc)).rejects.toBeInstanceOf(VersionConflictError);
  });
});
