import { FilterSyntaxError } from './filter-syntax-error.js';

/** One token of a filter expression. */
export interface Token {
  kind: 'word' | '(' | ')' | 'and' | 'or' | 'not' | 'end';
  /** The text as written (lower-cased for words, so keywords match any case). */
  text: string;
  /** 1-based column of the first character. */
  column: number;
}

/** Longest filter accepted (a bound on work; real filters are a few dozen characters). */
export const MAX_FILTER_LENGTH = 4096;

const SYMBOLS: Array<[string, Token['kind']]> = [['&&', 'and'], ['||', 'or'], ['!', 'not'], ['(', '('], [')', ')']];
const WORD_OPERATORS: Record<string, Token['kind']> = { and: 'and', or: 'or', not: 'not' };

/** Splits a tcpdump-style filter into tokens; ends with an `end` token. */
export function tokenize(text: string): Token[] {
  if (text.length > MAX_FILTER_LENGTH) throw new FilterSyntaxError(MAX_FILTER_LENGTH + 1, `filter longer than ${MAX_FILTER_LENGTH} characters`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) { i++; continue; }
    const symbol = SYMBOLS.find(([s]) => text.startsWith(s, i));
    if (symbol) {
      tokens.push({ kind: symbol[1], text: symbol[0], column: i + 1 });
      i += symbol[0].length;
      continue;
    }
    const start = i;
    while (i < text.length && !/[\s()!]/.test(text[i]) && !text.startsWith('&&', i) && !text.startsWith('||', i)) i++;
    const word = text.slice(start, i).toLowerCase();
    tokens.push({ kind: WORD_OPERATORS[word] ?? 'word', text: word, column: start + 1 });
  }
  tokens.push({ kind: 'end', text: '', column: text.length + 1 });
  return tokens;
}
