import { readFileSync } from 'node:fs';

/** Tracer's version, from package.json (recorded in every ingest and report). */
export const version: string = (JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string }).version;
