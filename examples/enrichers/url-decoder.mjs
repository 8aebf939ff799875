// Example Tracer enricher plugin: decodes percent-encoded URLs so analysts see what was really requested
// (the "custom mode" of the original KUMA enrichment server). Use it with:
//   tracer intel serve --enricher examples/enrichers/url-decoder.mjs
//
// Contract: export `enrich(field, value)` returning an array of
//   { category: string, indicator?: string, context?: object }
// synchronously or as a promise. `field` is "url", "ip", "hash" or "domain".

/** Name the server logs this enricher under. */
export const name = 'url-decoder';

/** Longest value decoded; longer ones are skipped (the server caps lines anyway). */
const MAX_URL_LENGTH = 8192;

/**
 * Returns one match with the decoded URL when `value` is a URL that contains percent-encoding.
 * @param {string} field
 * @param {string} value
 */
export function enrich(field, value) {
  if (field !== 'url' || value.length > MAX_URL_LENGTH || !/%[0-9a-fA-F]{2}/.test(value)) return [];
  let decoded;
  try {
    decoded = decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return [{ category: 'url-decoder', context: { error: 'malformed percent-encoding' } }];
  }
  return decoded === value ? [] : [{ category: 'url-decoder', context: { decoded } }];
}
