import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { DNS_CAPTURES } from '../testing/captures.js';
import { hexBytes, tsharkRows, type FieldRow } from '../testing/tshark-rows.js';
import { newDnsMessage, parseDnsMessage, type WeirdSink } from './message.js';


const FIELDS = [
  'udp.payload', 'dns.flags.response', 'dns.qry.name', 'dns.flags.rcode', 'dns.count.answers', 'dns.resp.type', 'dns.resp.ttl',
  'dns.resp.len', 'dns.a', 'dns.aaaa', 'dns.cname', 'dns.ns', 'dns.ptr.domain_name', 'dns.mx.mail_exchange', 'dns.srv.target',
  'dns.soa.mname', 'dns.txt.length', 'dns.txt',
] as const;

/** Field holding the rendered value of each answer type, in tshark's naming. */
const VALUE_FIELD: Record<number, string> = {
  1: 'dns.a', 28: 'dns.aaaa', 5: 'dns.cname', 2: 'dns.ns', 12: 'dns.ptr.domain_name', 15: 'dns.mx.mail_exchange', 33: 'dns.srv.target', 6: 'dns.soa.mname',
};

/** What Zeek would log as `answers` for this frame, rebuilt from tshark's fields (answer section only). */
function expectedAnswers(row: FieldRow): { answers: string[]; ttls: number[] } {
  const count = Number(row['dns.count.answers'][0] ?? 0);
  const cursor = new Map<string, number>();
  const next = (field: string) => {
    const i = cursor.get(field) ?? 0;
    cursor.set(field, i + 1);
    return row[field][i] ?? '';
  };
  const answers: string[] = [];
  for (let i = 0; i < count; i++) {
    const type = Number(row['dns.resp.type'][i]);
    const field = VALUE_FIELD[type];
    if (field) answers.push(type === 1 || type === 28 ? next(field) : tsharkName(next(field)));
    else if (type === 16) answers.push(txtRendering(Number(row['dns.resp.len'][i]), () => [Number(next('dns.txt.length')), next('dns.txt')]));
    else answers.push(`<unknown type=${type}>`);
  }
  return { answers, ttls: row['dns.resp.ttl'].slice(0, count).map(Number) };
}

/** `TXT <len> <text>` per character-string of one TXT record of `rdLen` bytes. */
function txtRendering(rdLen: number, nextString: () => [number, string]): string {
  const parts: string[] = [];
  for (let used = 0; used < rdLen;) {
    const [len, text] = nextString();
    parts.push(`TXT ${len} ${text}`);
    used += 1 + len;
  }
  return parts.join(' ');
}

/**
 * tshark shows the root as `<Root>` and bytes that are not UTF-8 as U+FFFD;
 * we (like Zeek) print the root as '' and such bytes as `\\xNN`.
 */
function tsharkName(name: string): string {
  return tsharkText(name.toLowerCase().replace('<root>', ''));
}

function tsharkText(text: string): string {
  return text.replace(NON_ASCII_RUN, '?');
}

function asTsharkText(text: string): string {
  return text.replace(/(\\x[89a-f][0-9a-f])+/g, '?');
}

/** Runs of non-ASCII characters: tshark decodes valid UTF-8 sequences and replaces invalid bytes, so only runs compare. */
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;

const sink: WeirdSink & { codes: string[] } = { codes: [], weird(name) { this.codes.push(name); } };

describe('parseDnsMessage against tshark on the corpus', () => {
  for (const file of DNS_CAPTURES) {
    it(file, () => {
      const rows = tsharkRows(corpus(file), 'dns && udp.payload', FIELDS);
      expect(rows.length).toBeGreaterThan(0);
      const msg = newDnsMessage();
      for (const row of rows) {
        sink.codes.length = 0;
        expect(parseDnsMessage(hexBytes(row['udp.payload'][0]), msg, sink)).toBe(true);
        expect(msg.header.qr).toBe(row['dns.flags.response'][0] === '1' || row['dns.flags.response'][0] === 'True');
        if (row['dns.qry.name'][0] === '<Name too long>') {
          // dnscat2 sends names past 255 octets: both tshark and we refuse them.
          expect(sink.codes).toEqual(['dns_name_too_long']);
          continue;
        }
        expect(sink.codes).toEqual([]);
        expect(asTsharkText(msg.query)).toBe(tsharkName(row['dns.qry.name'][0] ?? ''));
        if (!msg.header.qr) continue;
        expect(msg.header.rcode).toBe(Number(row['dns.flags.rcode'][0]));
        const expected = expectedAnswers(row);
        expect(msg.answers.map(asTsharkText)).toEqual(expected.answers.map(tsharkText));
        expect(msg.ttls).toEqual(expected.ttls);
      }
    });
  }
});
