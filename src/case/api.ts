import { json, type Route } from '../web/router.js';
import { errorResponse, expectedVersion, readJson } from './api-errors.js';
import { currentActor } from './actor.js';
import { NotFoundError, ValidationError } from './errors.js';
import { object } from './fields.js';
import type { StoredCase } from './model.js';
import { addElement, deleteElement, editElement } from './operations.js';
import { applyCasePatch, parseCasePatch } from './patch.js';
import { REPORT_FORMATS, REPORT_MEDIA_TYPES, renderReport, type ReportFormat } from './report/index.js';
import type { CaseStore } from './store.js';
import { parseElementFields, parseNewDetection, parseNewElement } from './validate.js';

/** Prefix of every case route. */
export const CASES_PATH = '/api/cases';
/** Longest `X-Tracer-User` kept in the history. */
const MAX_ACTOR = 200;

type Handle = Route['handle'];

function caseBody(stored: StoredCase, status = 200): Response {
  return json(status, stored, { etag: `"${stored.version}"`, location: `${CASES_PATH}/${encodeURIComponent(stored.case.id)}` });
}

function insertPoint(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ValidationError('at', 'expected an integer insert point');
  return value;
}

function actor(req: Request): string {
  return req.headers.get('x-tracer-user')?.trim().slice(0, MAX_ACTOR) || currentActor();
}

function guarded(handle: Handle): Handle {
  return async (req, params) => {
    try {
      return await handle(req, params);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

async function found(cases: CaseStore, id: string): Promise<StoredCase> {
  const stored = await cases.get(id);
  if (!stored) throw new NotFoundError(`no case "${id}"`);
  return stored;
}

function reportFormat(req: Request): ReportFormat {
  const format = new URL(req.url).searchParams.get('format') ?? 'json';
  if (!Object.hasOwn(REPORT_FORMATS, format)) throw new ValidationError('format', `expected one of ${Object.keys(REPORT_FORMATS).join(', ')}`);
  return format as ReportFormat;
}

/**
 * The case REST routes over a store: cases (list, create, get, patch, delete),
 * elements (add, update, remove), report, history, undo/redo. Writes accept
 * `If-Match: "<version>"` (or a body `version`) and answer 409 when the case
 * moved on; the actor is the `X-Tracer-User` header, else the server's user.
 */
export function caseRoutes(cases: CaseStore): Route[] {
  const one = `${CASES_PATH}/:id`;
  const element = `${one}/elements/:element`;
  const routes: Array<[string, string, Handle]> = [
    ['GET', CASES_PATH, async () => json(200, { cases: await cases.list() })],
    ['POST', CASES_PATH, async (req) => {
      const { detection, ...rest } = object(await readJson(req), 'body');
      const patch = parseCasePatch(rest);
      return caseBody(await cases.create(parseNewDetection(detection, actor(req)), { actor: actor(req) }, (doc) => applyCasePatch(doc, patch)), 201);
    }],
    ['GET', one, async (_req, { id }) => caseBody(await found(cases, id))],
    ['PATCH', one, async (req, { id }) => {
      const body = await readJson(req);
      const patch = parseCasePatch(body);
      return caseBody(await cases.update(id, 'patch', (doc) => applyCasePatch(doc, patch), { actor: actor(req), expectedVersion: expectedVersion(req, body) }));
    }],
    ['DELETE', one, async (req, { id }) => {
      await cases.remove(id, { actor: actor(req), expectedVersion: expectedVersion(req) });
      return new Response(null, { status: 204 });
    }],
    ['POST', `${one}/elements`, async (req, { id }) => {
      const body = object(await readJson(req), 'body');
      const { at, version: _version, ...fields } = body;
      const change = addElement(parseNewElement(fields, 'body'), insertPoint(at));
      return caseBody(await cases.update(id, 'add-element', change, { actor: actor(req), expectedVersion: expectedVersion(req, body) }), 201);
    }],
    ['PATCH', element, async (req, { id, element: ref }) => {
      const body = object(await readJson(req), 'body');
      const { version: _version, ...fields } = body;
      const change = editElement(ref, parseElementFields(fields, 'body', true));
      return caseBody(await cases.update(id, 'edit-element', change, { actor: actor(req), expectedVersion: expectedVersion(req, body) }));
    }],
    ['DELETE', element, async (req, { id, element: ref }) =>
      caseBody(await cases.update(id, 'remove-element', deleteElement(ref), { actor: actor(req), expectedVersion: expectedVersion(req) }))],
    ['GET', `${one}/report`, async (req, { id }) => {
      const format = reportFormat(req);
      return new Response(renderReport(await found(cases, id), format), { headers: { 'content-type': REPORT_MEDIA_TYPES[format] } });
    }],
    ['GET', `${one}/history`, async (_req, { id }) => {
      const history = await cases.history(id);
      if (history.length === 0) throw new NotFoundError(`no case "${id}"`);
      return json(200, { history: history.map(({ version, actor: who, at, action, changes }) => ({ version, actor: who, at, action, changes })) });
    }],
    ['POST', `${one}/undo`, async (req, { id }) => caseBody(await cases.step(id, 'undo', { actor: actor(req), expectedVersion: expectedVersion(req) }))],
    ['POST', `${one}/redo`, async (req, { id }) => caseBody(await cases.step(id, 'redo', { actor: actor(req), expectedVersion: expectedVersion(req) }))],
  ];
  return routes.map(([method, path, handle]) => ({ method, path, handle: guarded(handle) }));
}
