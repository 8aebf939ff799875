import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newNameRead, readName } from './name.js';

/** 12 bytes of header padding so offsets look like a real message. */
const HEADER = new Array(12).fill(0);

function read(bytes: number[], offset = 12) {
  const out = newNameRead();
  const ok = readName(Uint8Array.from(bytes), offset, out);
  return { ok, ...out };
}

describe('readName', () => {
  it('reads labels, lower-cases them and ends after the root byte', () => {
    expect(read([...HEADER, 3, 87, 87, 87, 2, 0x63, 0x6f, 0])).toEqual({ ok: true, name: 'www.co', end: 20, error: '' });
  });

  it('follows a backward pointer and ends after the pointer', () => {
    // "a.b" at 12, then "x" + pointer to 12 at 17
    expect(read([...HEADER, 1, 97, 1, 98, 0, 1, 120, 0xc0, 12], 17)).toEqual({ ok: true, name: 'x.a.b', end: 21, error: '' });
  });

  it('reports a pointer to itself as dns_pointer_loop', () => {
    expect(read([...HEADER, 0xc0, 12])).toMatchObject({ ok: false, error: 'dns_pointer_loop' });
  });

  it('reports a forward pointer (which could loop) as dns_pointer_loop', () => {
    expect(read([...HEADER, 0xc0, 14, 0xc0, 12])).toMatchObject({ ok: false, error: 'dns_pointer_loop' });
  });

  it('reports names over 255 octets, truncation and reserved label types', () => {
    const long = [...HEADER];
    for (let i = 0; i < 5; i++) long.push(63, ...new Array(63).fill(97));
    expect(read([...long, 0])).toMatchObject({ ok: false, error: 'dns_name_too_long' });
    expect(read([...HEADER, 5, 97, 97])).toMatchObject({ ok: false, error: 'dns_truncated_name' });
    expect(read([...HEADER, 0x80, 1, 0])).toMatchObject({ ok: false, error: 'dns_bad_label_type' });
  });

  it('escapes control and non-ASCII bytes so terminals and logs stay safe', () => {
    expect(read([...HEADER, 3, 0x1b, 0xff, 0x5c, 0]).name).toBe('\\x1b\\xff\\x5c');
  });

  it('never throws and stays within the message on any bytes (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (bytes, offset) => {
      const out = newNameRead();
      const ok = readName(bytes, offset, out);
      expect(ok ? out.end > offset && out.end <= bytes.length : out.error !== '').toBe(true);
    }));
  });
});
