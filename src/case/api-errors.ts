import { jsonError } from '../web/router.js';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.js';

/** Largest request body accepted by the case API: a case edit is small. */
export const MAX_BODY_BYTES = 1 << 20;

/** The JSON body of a request; a missing, oversized or malformed body is a ValidationError. */
export async function readJson(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ValidationError('body', `larger than ${MAX_BODY_BYTES} bytes`);
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new ValidationError('body', `larger than ${MAX_BODY_BYTES} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ValidationError('body', `not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
}

/** The version a client read, from `If-Match` (`"3"`, `W/"3"`, `3`) or the body's `version`; undefined if neither. */
export function expectedVersion(req: Request, body?: unknown): number | undefined {
  const header = req.headers.get('if-match');
  const raw = header !== null ? header.replace(/^W\//, '').replace(/"/g, '').trim() : (body as { version?: unknown } | undefined)?.version;
  if (raw === undefined) return undefined;
  const version = Number(raw);
  if (!Number.isSafeInteger(version) || version < 1) throw new ValidationError(header !== null ? 'If-Match' : 'version', `expected a positive integer version, got ${JSON.stringify(raw)}`);
  return version;
}

/** The 4xx response for a known error; anything else is rethrown (a bug, answered 500 by the server). */
export function errorResponse(err: unknown): Response {
  if (err instanceof ValidationError) return jsonError(400, 'invalid_request', err.message, { field: err.field });
  if (err instanceof RangeError) return jsonError(400, 'invalid_request', err.message);
  if (err instanceof NotFoundError) return jsonError(404, 'not_found', err.message);
  if (err instanceof VersionConflictError) return jsonError(409, 'version_conflict', err.message, { currentVersion: err.current });
  throw err;
}
