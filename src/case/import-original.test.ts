import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { casesFromJson } from './import-original.js';
import { jsonReport } from './report/json.js';
import { textReport } from './report/text.js';
import { memoryCaseStore, SQLI_DETECTION, SQLI_ELEMENTS } from './testing/fixtures.js';
import { addElement } from './operations.js';

/** tracer.py's analysis file for its README example, as its prompts and report suggest it is shaped. */
const ORIGINAL_ANALYSIS = {
  case_id: 'CASE_20250929_125453',
  threat_type: 'SQL Injection',
  source_ip: '192.168.1.100',
  destination_ip: '10.0.0.50',
  timestamp: '2025-09-29T12:54:53.653779',
  network_path: [
    { type: 'firewall', name: 'ASA-5525', traversal_type: 'direct', source_info: { source_interface: 'GigabitEthernet0/1' },
      destination_info: { destination_interface: 'GigabitEthernet0/2', ACL_rule: 'permit tcp any host 10.0.0.50 eq 80' } },
    { type: 'switch', name: 'Catalyst-3850', traversal_type: 'direct', source_info: { source_port: 'Gi1/0/24', CAM_entry: '0025.64FF.EE12' },
      destination_info: { destination_port: 'Gi1/0/12', VLAN: '100' } },
  ],
  summary: { direct_traversals: 2, lateral_movements: 0, pivot_points: 0 },
};

describe('casesFromJson', () => {
  it('reads tracer.py analysis files into the same path and facts', () => {
    const [doc] = casesFromJson(ORIGINAL_ANALYSIS, 'importer');
    expect(doc.id).toBe('CASE_20250929_125453');
    expect(doc.detection).toMatchObject({ threatType: 'SQL Injection', source: '192.168.1.100', destination: '10.0.0.50', investigator: 'importer' });
    expect(doc.path.map(({ id: _id, ...e }) => e)).toEqual(SQLI_ELEMENTS);
    expect(textReport({ version: 1, updatedAt: 'x', case: doc })).toContain('Direct Traversals: 2');
  });

  it('reads tracer.py databases as a list, under "cases" or keyed by case id', () => {
    const { case_id: _id, ...withoutId } = ORIGINAL_ANALYSIS;
    expect(casesFromJson([ORIGINAL_ANALYSIS], 'i')).toHaveLength(1);
    expect(casesFromJson({ cases: [ORIGINAL_ANALYSIS, { ...ORIGINAL_ANALYSIS, case_id: 'CASE_2' }] }, 'i').map((c) => c.id)).toEqual(['CASE_20250929_125453', 'CASE_2']);
    expect(casesFromJson({ CASE_X: withoutId }, 'i')[0].id).toBe('CASE_X');
  });

  it('round-trips a Tracer export', async () => {
    const cases = await memoryCaseStore();
    const { case: created } = await cases.create(SQLI_DETECTION);
    const stored = await cases.update(created.id, 'add', addElement(SQLI_ELEMENTS[0]));
    const [doc] = casesFromJson(JSON.parse(jsonReport(stored)) as unknown, 'i');
    expect(doc).toEqual(stored.case);
  });

  it('names the JSON path of the first bad field', () => {
    const bad = { ...ORIGINAL_ANALYSIS, network_path: [ORIGINAL_ANALYSIS.network_path[0], { type: 'toaster', name: 'x' }] };
    expect(() => casesFromJson(bad, 'i')).toThrow(new ValidationError('$.network_path[1].type', 'x').field);
    expect(() => casesFromJson({ ...ORIGINAL_ANALYSIS, case_id: '../../etc' }, 'i')).toThrow(/case_id/);
    expect(() => casesFromJson(42, 'i')).toThrow(ValidationError);
    expect(() => casesFromJson({ cases: [7] }, 'i')).toThrow(/\$\[0\]/);
  });
});
