const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '|': '&#124;' };

/**
 * Text from traffic or logs made inert in Markdown (table cells included): HTML
 * metacharacters and `|` as entities, Markdown punctuation backslash-escaped,
 * line breaks and controls as spaces. `escapeMarkdown('<b>*x*</b>')` → `&lt;b&gt;\*x\*&lt;/b&gt;`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\\`*_{}[\]~]/g, (c) => '\\' + c)
    .replace(/[&<>|]/g, (c) => ENTITIES[c]);
}

/** A fenced code block whose fence is longer than any backtick run inside the text. */
export function codeBlock(text: string, info = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/** A Markdown table: cells are escaped with escapeMarkdown; `align` marks right-aligned columns. */
export function mdTable(head: string[], rows: string[][], right: boolean[] = []): string {
  const line = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [line(head), `| ${head.map((_, i) => (right[i] ? '---:' : '---')).join(' | ')} |`, ...rows.map(line)].join('\n');
}
