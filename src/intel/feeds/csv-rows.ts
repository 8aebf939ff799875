/** Longest CSV field kept, in characters (a runaway quoted field is cut, not buffered whole). */
const MAX_FIELD_LENGTH = 65536;

/** One CSV record with the 1-based line it starts on. */
export interface CsvRow { line: number; cells: string[] }

/**
 * Splits RFC 4180 CSV text into rows (quoted fields, doubled quotes, CRLF or
 * LF, a leading UTF-8 BOM dropped). An unterminated quote ends at the end of
 * the text and is reported through `onError` with its starting line.
 */
export function parseCsvRows(text: string, onError: (line: number, message: string) => void): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const row: CsvRow = { line, cells: [] };
    while (true) {
      let cell = '';
      if (text[i] === '"') {
        const startLine = line;
        i++;
        while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
          if (text[i] === '"') i++;
          if (text[i] === '\n') line++;
          if (cell.length < MAX_FIELD_LENGTH) cell += text[i];
          i++;
        }
        if (i >= text.length) onError(startLine, 'unterminated quoted field');
        i++;
      }
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') {
        if (text[i] !== '\r' && cell.length < MAX_FIELD_LENGTH) cell += text[i];
        i++;
      }
      row.cells.push(cell);
      if (text[i] === ',') { i++; continue; }
      i++;
      line++;
      break;
    }
    if (row.cells.length > 1 || row.cells[0] !== '') rows.push(row);
  }
  return rows;
}
