/**
 * Zeek's HTTP::Tags for a request URI. Zeek's base scripts define no tag;
 * its SQL-injection policy script (protocols/http/detect-sqli) adds URI_SQLI
 * when the percent-decoded URI looks like an injection. Tracer's own patterns
 * cover the same families: a parameter value broken out of with a statement
 * (UNION SELECT, DROP TABLE…), a tautology (OR 1=1, ' or 'a'='a), a quote
 * closed and commented out, SQL string/time functions in a value, and
 * MySQL versioned comments.
 */

/** URI characters inspected (logged values are cut at 8 KiB too); the patterns are bounded, so the cost is linear in this. */
const MAX_URI_CHARS = 8192;

/** Separator inside SQL: blanks, control characters, `+` (a URL-encoded space) or a short inline comment. */
const SEP = String.raw`(?:[\s\x00-\x1f+]|/\*[^*]{0,64}\*/)`;
/** A query parameter up to its `=`. */
const PARAM = String.raw`[?&][^=&#]{1,128}=`;

const SQLI_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`${PARAM}[^&]{0,128}?(?:['")]|${SEP}|;)${SEP}*(?:union${SEP}+(?:all${SEP}+)?select|select${SEP}+[^&]{1,128}?${SEP}from|insert${SEP}+into|delete${SEP}+from|drop${SEP}+(?:table|database)|exec(?:ute)?${SEP}+(?:xp_|sp_)|declare${SEP}+@|having${SEP}+\d)\b`, 'i'),
  new RegExp(String.raw`${PARAM}[\w%.-]{0,64}['"]?${SEP}+(?:x?or|and|\|\||&&)${SEP}+(['"]?)(\w{1,32})\1${SEP}*=${SEP}*\1\2(?!\w)`, 'i'),
  new RegExp(String.raw`${PARAM}[^&'"]{0,128}['"]\)?${SEP}*(?:--|#|/\*|;)`),
  new RegExp(String.raw`${PARAM}[^&]{0,128}?\b(?:char|ascii|substring|concat|sleep|benchmark|pg_sleep|extractvalue|updatexml)${SEP}*\(`, 'i'),
  /\/\*!\d{5}/,
];

/** `%41` → `A` for well-formed escapes; malformed ones stay as sent (Zeek's unescape_URI). */
export function unescapeUri(uri: string): string {
  return uri.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** True when the (percent-decoded) URI looks like an SQL injection (Zeek's URI_SQLI). */
export function looksLikeSqlInjection(uri: string): boolean {
  const text = unescapeUri(uri.length > MAX_URI_CHARS ? uri.slice(0, MAX_URI_CHARS) : uri);
  return SQLI_PATTERNS.some((pattern) => pattern.test(text));
}

/** The http.log `tags` of a request URI: `URI_SQLI` or none (an empty set, as Zeek logs it). */
export function uriTags(uri: string | null): string[] {
  return uri !== null && looksLikeSqlInjection(uri) ? ['URI_SQLI'] : [];
}
