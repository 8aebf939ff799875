import { escapeHtml } from '../../util/escape.js';

/** HTML text that is already escaped (made only by `html` or `raw`). */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

function part(v: unknown): string {
  if (v instanceof SafeHtml) return v.text;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

/**
 * Tagged template that escapes every interpolated value for HTML unless it is
 * SafeHtml (arrays are joined): html`<td>${hostFromTraffic}</td>` is safe for
 * element content and quoted attributes.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Marks trusted markup (never data) as SafeHtml. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
