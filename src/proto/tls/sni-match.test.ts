import { expect, it } from 'vitest';
import { sniMatchesCert } from './sni-match.js';

it('matches exact names and one-label wildcards, case-insensitively', () => {
  expect(sniMatchesCert('www.Google.de', ['*.google.de'])).toBe(true);
  expect(sniMatchesCert('google.de', ['*.google.de'])).toBe(false);
  expect(sniMatchesCert('a.b.google.de', ['*.google.de'])).toBe(false);
  expect(sniMatchesCert('taleo.net', ['*.taleo.net', 'taleo.net'])).toBe(true);
  expect(sniMatchesCert('evil.com', [])).toBe(false);
});
