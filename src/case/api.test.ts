import { beforeEach, describe, expect, it } from 'vitest';
import { createRouter, type Handler } from '../web/router.js';
import { caseRoutes } from './api.js';
import { memoryCaseStore, SQLI_DETECTION, SQLI_ELEMENTS } from './testing/fixtures.js';

let app: Handler;

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  return app(new Request(`http://localhost${path}`, init));
}

async function created(): Promise<string> {
  const res = await call('POST', '/api/cases', { detection: SQLI_DETECTION });
  return ((await res.json()) as { case: { id: string } }).case.id;
}

async function errorOf(res: Response): Promise<{ status: number; code: string; field?: string }> {
  const body = (await res.json()) as { error: { code: string; field?: string } };
  return { status: res.status, code: body.error.code, field: body.error.field };
}

beforeEach(async () => {
  app = createRouter(caseRoutes(await memoryCaseStore()));
});

describe('case REST API', () => {
  it('creates, lists, gets, patches and deletes a case', async () => {
    const res = await call('POST', '/api/cases', { detection: { ...SQLI_DETECTION, tickets: ['INC-1'] }, status: 'on hold' }, { 'x-tracer-user': 'carol' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    const id = ((await res.json()) as { case: { id: string; status: string } }).case.id;
    expect(((await (await call('GET', '/api/cases')).json()) as { cases: unknown[] }).cases).toHaveLength(1);
    const got = (await (await call('GET', `/api/cases/${id}`)).json()) as { case: { status: string; detection: { tickets: string[] } } };
    expect(got.case.status).toBe('on_hold');
    expect(got.case.detection.tickets).toEqual(['INC-1']);
    const patched = await call('PATCH', `/api/cases/${id}`, { pillars: [{ name: 'trust', status: 'done', notes: 'configs hashed' }], mitigations: ['block 192.168.1.100'] }, { 'if-match': '"1"' });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(await errorOf(await call('PATCH', `/api/cases/${id}`, { status: 'completed' }, { 'if-match': '"1"' }))).toMatchObject({ status: 409, code: 'version_conflict' });
    const history = (await (await call('GET', `/api/cases/${id}/history`)).json()) as { history: Array<{ actor: string; action: string }> };
    expect(history.history.map((h) => h.action)).toEqual(['create', 'patch']);
    expect(history.history[0].actor).toBe('carol');
    expect((await call('DELETE', `/api/cases/${id}`)).status).toBe(204);
    expect((await call('GET', `/api/cases/${id}`)).status).toBe(404);
  });

  it('adds, updates and removes elements, undoes and redoes, and reports in every format', async () => {
    const id = await created();
    expect((await call('POST', `/api/cases/${id}/elements`, { ...SQLI_ELEMENTS[1] })).status).toBe(201);
    const res = await call('POST', `/api/cases/${id}/elements`, { at: 1, ...SQLI_ELEMENTS[0] }, { 'if-match': '2' });
    const body = (await res.json()) as { case: { path: Array<{ id: string; name: string }> } };
    expect(body.case.path.map((e) => e.name)).toEqual(['ASA-5525', 'Catalyst-3850']);
    const asa = body.case.path[0].id;
    expect((await call('PATCH', `/api/cases/${id}/elements/${asa}`, { movement: 'lateral', direction: 'inbound' })).status).toBe(200);
    const text = await (await call('GET', `/api/cases/${id}/report?format=text`)).text();
    expect(text).toContain('ASA-5525 (FIREWALL) - Lateral Movement');
    expect(text).toContain('Lateral Movements: 1');
    expect((await call('POST', `/api/cases/${id}/undo`)).status).toBe(200);
    expect(await (await call('GET', `/api/cases/${id}/report?format=markdown`)).text()).toContain('Direct Traversal');
    expect((await call('POST', `/api/cases/${id}/redo`)).status).toBe(200);
    expect((await call('DELETE', `/api/cases/${id}/elements/2`)).status).toBe(200);
    const html = await call('GET', `/api/cases/${id}/report?format=html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('<svg');
    const report = (await (await call('GET', `/api/cases/${id}/report`)).json()) as { summary: { lateral: number }; case: { path: unknown[] } };
    expect(report.summary.lateral).toBe(1);
    expect(report.case.path).toHaveLength(1);
  });

  it('answers bad payloads with 400 naming the field', async () => {
    const id = await created();
    expect(await errorOf(await call('POST', '/api/cases', '{not json'))).toMatchObject({ status: 400, field: 'body' });
    expect(await errorOf(await call('POST', '/api/cases', { detection: { source: '1.2.3.4' } }))).toMatchObject({ status: 400, field: 'detection.threatType' });
    expect(await errorOf(await call('POST', '/api/cases', [1]))).toMatchObject({ status: 400, field: 'body' });
    expect(await errorOf(await call('PATCH', `/api/cases/${id}`, { status: 'closed' }))).toMatchObject({ status: 400, field: 'status' });
    expect(await errorOf(await call('PATCH', `/api/cases/${id}`, { colour: 'red' }))).toMatchObject({ status: 400, field: 'colour' });
    expect(await errorOf(await call('PATCH', `/api/cases/${id}`, {}, { 'if-match': 'abc' }))).toMatchObject({ status: 400, field: 'If-Match' });
    expect(await errorOf(await call('POST', `/api/cases/${id}/elements`, { type: 'toaster', name: 'x' }))).toMatchObject({ status: 400, field: 'body.type' });
    expect(await errorOf(await call('POST', `/api/cases/${id}/elements`, { type: 'switch', name: 'x', sourceFacts: ['novalue'] }))).toMatchObject({ status: 400, field: 'body.sourceFacts[0]' });
    expect(await errorOf(await call('POST', `/api/cases/${id}/elements`, { type: 'switch', name: 'x', at: 7 }))).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(await errorOf(await call('GET', `/api/cases/${id}/report?format=pdf`))).toMatchObject({ status: 400, field: 'format' });
    expect(await errorOf(await call('POST', `/api/cases/${id}/undo`))).toMatchObject({ status: 404 });
  });

  it('answers unknown ids, routes and methods with 404 and 405', async () => {
    const id = await created();
    for (const [method, path] of [['GET', '/api/cases/NOPE'], ['PATCH', '/api/cases/NOPE'], ['DELETE', '/api/cases/NOPE'], ['POST', '/api/cases/NOPE/elements'],
      ['GET', '/api/cases/NOPE/report'], ['GET', '/api/cases/NOPE/history'], ['PATCH', `/api/cases/${id}/elements/el-99`], ['DELETE', `/api/cases/${id}/elements/el-99`]]) {
      const body = method === 'PATCH' ? (path.includes('/elements/') ? { name: 'x' } : { status: 'completed' }) : method === 'POST' ? { type: 'router', name: 'r' } : undefined;
      expect(await errorOf(await call(method, path, body)), `${method} ${path}`).toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(await errorOf(await call('GET', '/api/nothing'))).toMatchObject({ status: 404, code: 'no_such_route' });
    expect(await errorOf(await call('PUT', `/api/cases/${id}`, {}))).toMatchObject({ status: 405 });
  });
});
