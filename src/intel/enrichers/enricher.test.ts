import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../test/helpers/corpus.js';
import { loadEnricherModule } from './enricher.js';

describe('loadEnricherModule', () => {
  it('loads the shipped URL-decoder example and it decodes percent-encoding', async () => {
    const { name, enrich } = await loadEnricherModule(join(projectRoot, 'examples/enrichers/url-decoder.mjs'));
    expect(name).toBe('url-decoder');
    expect(await enrich('url', 'evil.com/a%20b%2Fc')).toEqual([{ category: 'url-decoder', context: { decoded: 'evil.com/a b/c' } }]);
    expect(await enrich('url', 'evil.com/%E0%A4%A')).toEqual([{ category: 'url-decoder', context: { error: 'malformed percent-encoding' } }]);
    expect(await enrich('url', 'plain.com/a')).toEqual([]);
    expect(await enrich('ip', '10.0.0.1')).toEqual([]);
  });
  it('refuses a module without an enrich function, in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracer-enricher-'));
    writeFileSync(join(dir, 'bad.mjs'), 'export const x = 1;\n');
    await expect(loadEnricherModule(join(dir, 'bad.mjs'))).rejects.toThrow(/bad\.mjs: enricher module exports no "enrich" function/);
    await expect(loadEnricherModule(join(dir, 'missing.mjs'))).rejects.toThrow(/missing\.mjs: cannot load enricher module/);
  });
});
