import { createHash } from 'node:crypto';

/** The CSP source expression allowing exactly this inline script or style text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Script text made safe inside an HTML <script> element: `</script` and `<!--`
 * cannot end or confuse the element (both are escaped the way JavaScript reads
 * them unchanged inside strings and regular expressions).
 */
export function inlineScript(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>`, `&`, U+2028
 * and U+2029 written as \u escapes, so no data can close the element or be read
 * as markup, and JSON.parse gives the value back unchanged.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * The page's Content-Security-Policy: nothing may load from anywhere; only the
 * given inline scripts and styles (by hash) run; no eval, no forms, no base.
 */
export function contentSecurityPolicy(scripts: string[], styles: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(cspHash).join(' ')}`,
    `style-src ${styles.map(cspHash).join(' ')}`,
    "img-src 'none'", "connect-src 'none'", "font-src 'none'", "object-src 'none'",
    "base-uri 'none'", "form-action 'none'", "frame-src 'none'", "worker-src 'none'",
  ].join('; ');
}
