import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCsvFeed } from './csv.js';
import { loadJsonFeed } from './json.js';
import { loadPlainFeed } from './plain.js';
import { loadStixFeed } from './stix.js';
import { loadZeekIntelFeed } from './zeek.js';
import { testOptions } from '../testing/feed-options.js';

const budget = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;
const settings = { interruptAfterTimeLimit: budget / 5, numRuns: Number.MAX_SAFE_INTEGER };
const line = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.ipV4(), fc.domain(), fc.webUrl(), fc.constantFrom('#fields\tindicator\tindicator_type', '"', ',,', '1.2.3.4/33'));
const text = fc.array(line, { maxLength: 30 }).map((l) => l.join('\n'));

describe('feed parsers under fuzzing', () => {
  it.each([
    ['csv', loadCsvFeed], ['plain', loadPlainFeed], ['zeek', loadZeekIntelFeed], ['stix', loadStixFeed], ['json', loadJsonFeed],
  ] as const)('%s: never throws; every problem names the file and a line inside it', (_, load) => {
    fc.assert(fc.property(text, (input) => {
      const feed = load(input, 'f', testOptions('f'));
      const lines = input.split('\n').length;
      for (const p of feed.problems) {
        expect(p.file).toBe('f');
        expect(p.line).toBeGreaterThanOrEqual(0);
        expect(p.line).toBeLessThanOrEqual(lines);
      }
      for (const i of feed.indicators) expect(i.value).not.toBe('');
    }), settings);
  });
  it('json: arrays of arbitrary JSON values load without throwing', () => {
    fc.assert(fc.property(fc.array(fc.jsonValue(), { maxLength: 20 }), (records) => {
      const feed = loadJsonFeed(JSON.stringify(records), 'f.json', testOptions('f'));
      expect(feed.indicators.length + feed.problems.length).toBeGreaterThanOrEqual(records.length);
    }), settings);
  });
});
