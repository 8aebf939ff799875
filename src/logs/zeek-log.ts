import type { LogRecord, LogSchema } from '../store/schema/types.js';
import { parseIsoTime } from './iso-time.js';
import { parseJsonObject, type JsonObject } from './json-line.js';
import { MAX_ZEEK_FIELDS } from './limits.js';
import type { LineError, LineParser, ParserContext, RecordSink } from './parser.js';
import { BAD_VALUE, DEFAULT_MARKERS, readZeekValue, unescapeZeek, zeekType, type ZeekMarkers, type ZeekType } from './zeek-tsv-value.js';
import { ZEEK_STREAMS, cachedColumnName, columnSet, zeekPathFromName } from './zeek-streams.js';

/** A Zeek log parser; also tells which input fields no stream column holds. */
export interface ZeekLogParser extends LineParser {
  /** Stream → input fields dropped because the stream has no such column (e.g. conn tunnel_parents). */
  droppedFields(): Record<string, string[]>;
}

function noteDropped(dropped: Map<string, Set<string>>, schema: LogSchema, names: Iterable<string>): void {
  const columns = columnSet(schema);
  let set = dropped.get(schema.name);
  for (const name of names) {
    if (columns.has(cachedColumnName(name)) || name === '_path' || name === '_write_ts') continue;
    if (!set) dropped.set(schema.name, (set = new Set()));
    set.add(name);
  }
}

function droppedRecord(dropped: Map<string, Set<string>>): Record<string, string[]> {
  return Object.fromEntries([...dropped].map(([k, v]) => [k, [...v].sort()]));
}

const unsupported = (path: string | null): LineError => ({ code: 'zeek_unsupported_path', reason: `Zeek log path ${JSON.stringify(path ?? '?')} is not one of ${[...ZEEK_STREAMS.keys()].join(', ')}` });

/** What the header lines of a Zeek TSV log have said so far. */
interface TsvState {
  path: string | null;
  fields: string[];
  types: string[];
  /** How each column reads, from `types`. */
  readers: ZeekType[];
}

const STRING_TYPE = zeekType('string');

/** Applies one `#name value` header line to the parser state. */
function readHeader(line: string, markers: ZeekMarkers, state: TsvState): void {
  const space = line.indexOf(' ');
  if (line.startsWith('#separator') && space > 0) { markers.separator = unescapeZeek(line.slice(space + 1)); return; }
  const parts = line.split(markers.separator, MAX_ZEEK_FIELDS + 1);
  const [key, ...values] = parts;
  if (key === '#set_separator') markers.setSeparator = values[0] ?? ',';
  else if (key === '#empty_field') markers.empty = values[0] ?? '(empty)';
  else if (key === '#unset_field') markers.unset = values[0] ?? '-';
  else if (key === '#path') state.path = values[0] ?? null;
  else if (key === '#fields') state.fields = values;
  else if (key === '#types') { state.types = values; state.readers = values.map(zeekType); }
}

/**
 * Zeek TSV logs (conn, dns, http, ssl, ssh, notice): the `#separator`,
 * `#fields` and `#types` header says how to read each row; fields map 1:1
 * onto the stream's columns (dots → underscores). A value not of its type is
 * stored as unset and the line reported.
 */
export function zeekTsvParser(ctx: ParserContext): ZeekLogParser {
  const markers: ZeekMarkers = { ...DEFAULT_MARKERS };
  const state: TsvState = { path: zeekPathFromName(ctx.file), fields: [], types: [], readers: [] };
  const dropped = new Map<string, Set<string>>();
  let notedFields: string[] = [];
  let notedSchema: LogSchema | null = null;
  return {
    format: 'zeek-tsv',
    droppedFields: () => droppedRecord(dropped),
    parseLine(text: string, _lineNo: number, sink: RecordSink): LineError | null {
      if (text === '') return null;
      if (text.startsWith('#')) { readHeader(text, markers, state); return null; }
      const schema = ZEEK_STREAMS.get(state.path ?? '');
      if (!schema) return unsupported(state.path);
      if (state.fields.length === 0) return { code: 'zeek_no_fields_header', reason: 'data row before the #fields header' };
      if (notedFields !== state.fields || notedSchema !== schema) {
        noteDropped(dropped, schema, state.fields);
        notedFields = state.fields;
        notedSchema = schema;
      }
      const values = text.split(markers.separator, MAX_ZEEK_FIELDS + 1);
      if (values.length !== state.fields.length) return { code: 'zeek_field_count', reason: `${values.length} fields where #fields names ${state.fields.length}` };
      const rec: LogRecord = {};
      let bad: string | null = null;
      for (let i = 0; i < values.length; i++) {
        const v = readZeekValue(values[i], state.readers[i] ?? STRING_TYPE, markers);
        if (v === BAD_VALUE) bad ??= state.fields[i];
        rec[cachedColumnName(state.fields[i])] = v === BAD_VALUE ? null : v;
      }
      sink.emit(schema, rec);
      return bad === null ? null : { code: 'zeek_bad_value', reason: `field ${bad} is not a ${state.types[state.fields.indexOf(bad)] ?? 'value'} (stored unset)` };
    },
  };
}

type JsonValue = LogRecord[string];

function jsonValue(v: unknown, name: string): JsonValue {
  if (name === 'ts' && typeof v === 'string') return parseIsoTime(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number');
  return null;
}

/** Zeek JSON logs (one object per line, `_path` or the file name giving the stream), same mapping as TSV. */
export function zeekJsonParser(ctx: ParserContext): ZeekLogParser {
  const fromName = zeekPathFromName(ctx.file);
  const dropped = new Map<string, Set<string>>();
  return {
    format: 'zeek-json',
    droppedFields: () => droppedRecord(dropped),
    parseLine(text: string, _lineNo: number, sink: RecordSink): LineError | null {
      if (text === '') return null;
      const obj: JsonObject | null = parseJsonObject(text);
      if (!obj) return { code: 'bad_json', reason: 'not a JSON object' };
      const path = typeof obj._path === 'string' ? obj._path : fromName;
      const schema = ZEEK_STREAMS.get(path ?? '');
      if (!schema) return unsupported(path);
      noteDropped(dropped, schema, Object.keys(obj));
      const rec: LogRecord = {};
      for (const name in obj) rec[cachedColumnName(name)] = jsonValue(obj[name], name);
      sink.emit(schema, rec);
      return typeof rec.ts === 'number' ? null : { code: 'zeek_bad_value', reason: 'field ts is not a time (stored unset)' };
    },
  };
}
