import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { choice, list, MAX_TEXT, onlyKeys, text } from './fields.js';
import { CASE_STATUSES, ELEMENT_TYPES } from './model.js';
import { FACT_PICKLISTS, factKey } from './picklists.js';

describe('field validation', () => {
  it('matches choices ignoring case and separators, with short aliases', () => {
    expect(choice(ELEMENT_TYPES, 'Load Balancer', 'type')).toBe('load_balancer');
    expect(choice(ELEMENT_TYPES, 'FW', 'type')).toBe('firewall');
    expect(choice(CASE_STATUSES, 'on-hold', 'status')).toBe('on_hold');
    expect(() => choice(ELEMENT_TYPES, 'toaster', 'type')).toThrow(/type: expected one of firewall/);
    expect(() => choice(ELEMENT_TYPES, 3, 'type')).toThrow(ValidationError);
  });

  it('bounds text and lists and names the field', () => {
    expect(text('  a ', 'x')).toBe('a');
    expect(() => text(' ', 'x', true)).toThrow('x: must not be empty');
    expect(() => text('a'.repeat(MAX_TEXT + 1), 'x')).toThrow(/longer than/);
    expect(() => list([1, 'b'], 'tags', (v, f) => text(v, f))).toThrow('tags[0]: expected a string, got number');
    expect(() => onlyKeys({ nmae: 1 }, ['name'], 'element')).toThrow('element.nmae: unknown field');
  });

  it('takes picklist numbers or free text for fact keys', () => {
    expect(factKey('switch', '2')).toBe(FACT_PICKLISTS.switch[1]);
    expect(factKey('switch', '9')).toBe('9');
    expect(factKey('other', ' custom key ')).toBe('custom key');
  });
});
