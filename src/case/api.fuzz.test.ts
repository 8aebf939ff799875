import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../web/router.js';
import { caseRoutes } from './api.js';
import { ValidationError } from './errors.js';
import { casesFromJson } from './import-original.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from './report/index.js';
import { memoryCaseStore, SQLI_DETECTION, SQLI_ELEMENTS } from './testing/fixtures.js';

const seconds = Number(process.env.FUZZ_SECONDS ?? 3);
const METHODS = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT'];
const body = fc.oneof(fc.jsonValue(), fc.string(), fc.record({ type: fc.string(), name: fc.string(), at: fc.jsonValue(), sourceFacts: fc.jsonValue() }, { requiredKeys: [] }),
  fc.record({ detection: fc.dictionary(fc.constantFrom('threatType', 'source', 'destination', 'tickets'), fc.jsonValue()), status: fc.jsonValue(), pillars: fc.jsonValue() }, { requiredKeys: [] }));

describe('case API and import under hostile input', () => {
  it('answers every request with a 2xx or 4xx JSON, never an exception', async () => {
    const cases = await memoryCaseStore();
    const { case: doc } = await cases.create(SQLI_DETECTION);
    await cases.update(doc.id, 'seed', (d) => ({ ...d, path: [{ ...SQLI_ELEMENTS[0], id: 'el-1' }], nextElement: 2 }));
    const app = createRouter(caseRoutes(cases));
    const path = fc.constantFrom('/api/cases', `/api/cases/${doc.id}`, `/api/cases/${doc.id}/elements`, `/api/cases/${doc.id}/elements/el-1`, `/api/cases/${doc.id}/elements/1`,
      `/api/cases/${doc.id}/report?format=html`, `/api/cases/${doc.id}/undo`, '/api/cases/%E0%A4%A', '/api/cases/x/elements/y');
    await fc.assert(fc.asyncProperty(fc.constantFrom(...METHODS), path, body, fc.option(fc.string({ maxLength: 6 })), async (method, url, payload, ifMatch) => {
      const init: RequestInit = { method, headers: ifMatch === null ? {} : { 'if-match': ifMatch } };
      if (method !== 'GET' && method !== 'DELETE') init.body = JSON.stringify(payload);
      const res = await app(new Request(`http://localhost${url}`, init));
      expect(res.status < 500, `${method} ${url} ${JSON.stringify(payload)} → ${res.status}`).toBe(true);
      for (const format of Object.keys(REPORT_FORMATS) as ReportFormat[]) {
        const stored = await cases.get(doc.id);
        if (stored) expect(typeof renderReport(stored, format)).toBe('string');
      }
    }), { interruptAfterTimeLimit: seconds * 1000, numRuns: 10_000 });
  }, (seconds + 30) * 1000);

  it('imports any JSON as cases or a ValidationError, nothing else', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.record({ case_id: fc.string(), threat_type: fc.jsonValue(), source_ip: fc.jsonValue(), destination_ip: fc.jsonValue(), network_path: fc.jsonValue() }, { requiredKeys: [] }), (any, shaped) => {
        for (const input of [any, shaped, { cases: [shaped] }]) {
          try {
            for (const doc of casesFromJson(input, 'fuzz')) expect(typeof renderReport({ version: 1, updatedAt: 'x', case: doc }, 'html')).toBe('string');
          } catch (err) {
            expect(err).toBeInstanceOf(ValidationError);
          }
        }
      }), { interruptAfterTimeLimit: seconds * 1000, numRuns: 100_000 });
  }, (seconds + 30) * 1000);
});
