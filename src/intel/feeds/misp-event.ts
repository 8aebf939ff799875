import { epochSeconds, type FeedCollector } from './collector.js';
import { isRecord } from './json-parse.js';
import { kindFromTypeLabel } from './type-hint.js';

/** Attributes read per event (a hostile event cannot make the loader run away). */
const MAX_ATTRIBUTES_PER_EVENT = 1_000_000;

/**
 * Adds the network indicators of one MISP event (`{ Event: … }` or the bare
 * event) to `collector`: attributes of type ip-src, ip-dst, domain, hostname,
 * url, md5, sha1, sha256 (and composite types such as `ip-dst|port` or
 * `filename|sha256`), at the event's top level and inside its objects.
 * Deleted attributes and those with `to_ids: false` (not meant for
 * detection) are skipped. Context: event info, uuid, date, threat level,
 * tags, and the attribute's category, comment and uuid.
 */
export function addMispEvent(document: unknown, collector: FeedCollector, label: string): void {
  const event = isRecord(document) && isRecord(document.Event) ? document.Event : document;
  if (!isRecord(event)) { collector.problem(0, `${label}: not a MISP event`); return; }
  const eventContext: Record<string, string> = {};
  for (const field of ['info', 'uuid', 'date', 'threat_level_id']) {
    if (event[field] !== undefined && event[field] !== null) eventContext[`event.${field}`] = String(event[field]);
  }
  const tags = tagNames(event.Tag);
  if (tags) eventContext['event.tags'] = tags;
  const attributes: unknown[] = Array.isArray(event.Attribute) ? [...event.Attribute] : [];
  if (Array.isArray(event.Object)) {
    for (const object of event.Object) if (isRecord(object) && Array.isArray(object.Attribute)) attributes.push(...object.Attribute);
  }
  for (const attribute of attributes.slice(0, MAX_ATTRIBUTES_PER_EVENT)) addAttribute(attribute, eventContext, collector, label);
}

function addAttribute(attribute: unknown, eventContext: Record<string, string>, collector: FeedCollector, label: string): void {
  if (!isRecord(attribute) || typeof attribute.type !== 'string' || typeof attribute.value !== 'string') {
    collector.problem(0, `${label}: attribute without a type and value`);
    return;
  }
  if (attribute.deleted === true || attribute.to_ids === false) return;
  const types = attribute.type.split('|');
  const values = attribute.value.split('|');
  const context: Record<string, string> = { ...eventContext, type: attribute.type };
  for (const field of ['category', 'comment', 'uuid']) {
    if (typeof attribute[field] === 'string' && attribute[field] !== '') context[field] = attribute[field] as string;
  }
  const tags = tagNames(attribute.Tag);
  if (tags) context.tags = tags;
  types.forEach((type, i) => {
    const kind = kindFromTypeLabel(type);
    if (kind === undefined || kind === 'skip' || values[i] === undefined) return;
    collector.add(values[i], { line: 0, label, context, hint: kind, validFrom: epochSeconds(attribute.first_seen), validUntil: epochSeconds(attribute.last_seen) });
  });
}

function tagNames(tags: unknown): string {
  if (!Array.isArray(tags)) return '';
  return tags.filter((t) => isRecord(t) && typeof t.name === 'string').map((t) => (t as { name: string }).name).join(',');
}
