import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfigFile, mergeConfig } from './config.js';
import { DETECTORS } from './detectors.js';
import { detectorSql } from './sql-detector.js';

describe('detection config', () => {
  it('merges thresholds and allowlist entries without touching the defaults', () => {
    const merged = mergeConfig(DEFAULT_CONFIG, { detectors: { port_scan: { min_ports: 50 } }, allow: ['10.0.0.0/8'] }, 'test');
    expect(merged.detectors.port_scan.min_ports).toBe(50);
    expect(merged.allow).toEqual(['10.0.0.0/8']);
    expect(DEFAULT_CONFIG.detectors.port_scan.min_ports).toBe(15);
  });

  it('names the file and the key in errors', () => {
    expect(() => mergeConfig(DEFAULT_CONFIG, { detectors: { nope: {} } }, 'c.json')).toThrow('c.json: unknown detector "nope"');
    expect(() => mergeConfig(DEFAULT_CONFIG, { detectors: { beacon: { min_score: '0.9' } } }, 'c.json')).toThrow('c.json: beacon.min_score must be a number');
    expect(() => mergeConfig(DEFAULT_CONFIG, { thresholds: {} }, 'c.json')).toThrow('unknown key "thresholds"');
    const dir = mkdtempSync(join(tmpdir(), 'tracer-config-'));
    writeFileSync(join(dir, 'bad.json'), '{ "detectors": ');
    expect(() => loadConfigFile(join(dir, 'bad.json'))).toThrow(/bad\.json: invalid JSON/);
    expect(() => loadConfigFile(join(dir, 'missing.json'))).toThrow('missing.json: cannot read config file');
  });

  it('has exactly the named parameters each SQL file uses', () => {
    for (const d of DETECTORS) {
      const used = new Set([...detectorSql(d.file).replace(/^--.*$/gm, '').matchAll(/\$([a-z_]+)/g)].map((m) => m[1]));
      expect([d.name, [...used].sort()]).toEqual([d.name, Object.keys(DEFAULT_CONFIG.detectors[d.name]).sort()]);
    }
  });
});
