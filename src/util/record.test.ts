import { describe, expect, it } from 'vitest';
import { newRecord } from './record.js';

describe('newRecord', () => {
  it('keeps an input key named __proto__ as data and leaves Object.prototype alone', () => {
    const r = newRecord<string>();
    r['__proto__'] = 'x';
    expect(Object.keys(r)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse('{"__proto__":"x"}'));
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
