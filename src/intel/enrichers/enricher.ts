import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { InputError } from '../../cli/command.js';

/** One result of an enricher: shown as `Category=…|MatchedIndicator=…|context…`. */
export interface EnrichmentMatch {
  category: string;
  /** Defaults to the looked-up value. */
  indicator?: string;
  /** Flattened with dots like feed context. */
  context?: Record<string, unknown>;
}

/**
 * A custom enricher: called for every indicator field of every event
 * (`field` is `url`, `ip`, `hash` or `domain`) and returns zero or more
 * matches, synchronously or as a promise. Plugin modules export it as
 * `enrich` (or as their default export); see examples/enrichers/url-decoder.mjs.
 */
export type Enricher = (field: string, value: string) => EnrichmentMatch[] | Promise<EnrichmentMatch[]>;

/** An enricher with the name it is logged under. */
export interface NamedEnricher { name: string; enrich: Enricher }

/**
 * Imports a plugin module chosen by the operator (`--enricher FILE`) and
 * returns its enricher. Running the module is the point: only load files you trust.
 */
export async function loadEnricherModule(path: string): Promise<NamedEnricher> {
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(resolve(path)).href) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(`${path}: cannot load enricher module (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  const enrich = module.enrich ?? module.default;
  if (typeof enrich !== 'function') throw new InputError(`${path}: enricher module exports no "enrich" function (or default function)`);
  return { name: typeof module.name === 'string' ? module.name : path, enrich: enrich as Enricher };
}
