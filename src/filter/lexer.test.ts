import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer.js';

describe('tokenize', () => {
  it('splits words, symbols and parentheses with 1-based columns', () => {
    expect(tokenize('!(Host ::1&&port 80)||arp').map((t) => [t.kind, t.text, t.column])).toEqual([
      ['not', '!', 1], ['(', '(', 2], ['word', 'host', 3], ['word', '::1', 8], ['and', '&&', 11], ['word', 'port', 13],
      ['word', '80', 18], [')', ')', 20], ['or', '||', 21], ['word', 'arp', 23], ['end', '', 26],
    ]);
  });

  it('reads and/or/not words as operators', () => {
    expect(tokenize('tcp AND not udp Or icmp').map((t) => t.kind)).toEqual(['word', 'and', 'not', 'word', 'or', 'word', 'end']);
  });
});
