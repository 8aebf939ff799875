import { parseIsoTime } from './iso-time.js';
import { numberAt, objectAt, stringAt, type JsonObject } from './json-line.js';

/** A Windows event reduced to what the parsers read, whatever JSON layout it came in. */
export interface WindowsEvent {
  id: number;
  /** Epoch seconds. */
  ts: number;
  computer: string | null;
  channel: string | null;
  /** EventData name → value. */
  data: JsonObject;
}

/** `value` or `{ "#text": value }` (python-evtx) as a number. */
function eventId(v: unknown): number | null {
  const inner = v !== null && typeof v === 'object' ? (v as JsonObject)['#text'] : v;
  const n = typeof inner === 'number' ? inner : typeof inner === 'string' ? Number(inner) : NaN;
  return Number.isInteger(n) ? n : null;
}

/** TimeCreated as a string, or `{ "#attributes": { "SystemTime" } }` / `{ "SystemTime" }`. */
function systemTime(v: unknown): number | null {
  if (typeof v === 'string') return parseIsoTime(v);
  const obj = v !== null && typeof v === 'object' ? (v as JsonObject) : null;
  const text = stringAt(objectAt(obj, '#attributes'), 'SystemTime') ?? stringAt(obj, 'SystemTime');
  return text === null ? null : parseIsoTime(text);
}

/** Winlogbeat / Elastic Agent: `{ "@timestamp", "winlog": { event_id, computer_name, channel, event_data } }`. */
function fromWinlogbeat(obj: JsonObject, winlog: JsonObject): WindowsEvent | null {
  const id = eventId(winlog.event_id);
  const ts = systemTime(obj['@timestamp']);
  if (id === null || ts === null) return null;
  return { id, ts, computer: stringAt(winlog, 'computer_name'), channel: stringAt(winlog, 'channel'), data: objectAt(winlog, 'event_data') ?? {} };
}

/** `{ "Event": { "System": {…}, "EventData": {…} } }` (python-evtx, evtx_dump) or the same without the Event wrapper. */
function fromSystem(system: JsonObject, eventData: JsonObject | null): WindowsEvent | null {
  const id = eventId(system.EventID);
  const ts = systemTime(system.TimeCreated);
  if (id === null || ts === null) return null;
  return { id, ts, computer: stringAt(system, 'Computer'), channel: stringAt(system, 'Channel'), data: eventData ?? {} };
}

/** Flat export: `{ EventID, TimeCreated, Computer, Channel, EventData? , …data fields }`. */
function fromFlat(obj: JsonObject): WindowsEvent | null {
  const id = eventId(obj.EventID ?? obj.EventId);
  const ts = systemTime(obj.TimeCreated ?? obj.UtcTime);
  if (id === null || ts === null) return null;
  return { id, ts, computer: stringAt(obj, 'Computer'), channel: stringAt(obj, 'Channel'), data: objectAt(obj, 'EventData') ?? obj };
}

/** Reads a Windows event from the common JSON layouts (Winlogbeat, python-evtx/evtx_dump, flat); null when it is none. */
export function readWindowsEvent(obj: JsonObject): WindowsEvent | null {
  const winlog = objectAt(obj, 'winlog');
  if (winlog) return fromWinlogbeat(obj, winlog);
  const wrapped = objectAt(obj, 'Event') ?? obj;
  const system = objectAt(wrapped, 'System');
  if (system) return fromSystem(system, objectAt(wrapped, 'EventData'));
  return fromFlat(obj);
}

/** EventData value as text, with Windows' `-` placeholder as null. */
export function dataText(ev: WindowsEvent, key: string): string | null {
  const v = stringAt(ev.data, key);
  return v === null || v === '-' || v === '' ? null : v;
}

/** EventData value as a number, else null. */
export function dataNumber(ev: WindowsEvent, key: string): number | null {
  return numberAt(ev.data, key);
}
