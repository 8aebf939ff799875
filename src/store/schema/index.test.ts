import { describe, expect, it } from 'vitest';
import { allSchemas, schemaByName } from './index.js';

describe('schema registry', () => {
  it('finds streams by name', () => {
    expect(schemaByName('conn')?.fields[0].name).toBe('ts');
    expect(schemaByName('weird')?.fields.map((f) => f.name)).toEqual(['ts', 'uid', 'name', 'addl', 'source']);
    expect(schemaByName('nope')).toBeUndefined();
  });

  it('has unique stream names, unique columns and a doc line for every field', () => {
    expect(new Set(allSchemas.map((s) => s.name)).size).toBe(allSchemas.length);
    for (const s of allSchemas) {
      expect(new Set(s.fields.map((f) => f.name.replace(/\./g, '_'))).size).toBe(s.fields.length);
      for (const f of s.fields) expect(f.doc).toMatch(/^\S.*[.)]$/);
    }
  });
});
