import { describe, expect, it } from 'vitest';
import { headerValue, parseHead } from './head.js';
import { MAX_LOGGED_VALUE_CHARS } from './limits.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseHead', () => {
  it('splits the start line and lower-cases header names, folding continuations', () => {
    const data = enc('GET /a b HTTP/1.1\r\nHost: example.org\r\nX-Long: one\r\n two\r\nUser-Agent:  curl/8 \r\n\r\n');
    const head = parseHead(data, 0, data.length)!;
    expect(head.parts).toEqual(['GET', '/a', 'b HTTP/1.1']);
    expect(headerValue(head, 'host')).toBe('example.org');
    expect(headerValue(head, 'x-long')).toBe('one two');
    expect(headerValue(head, 'user-agent')).toBe('curl/8');
    expect(headerValue(head, 'missing')).toBeNull();
  });

  it('parses a status line whose reason has spaces', () => {
    const data = enc('HTTP/1.1 404 Not Found\r\n\r\n');
    expect(parseHead(data, 0, data.length)!.parts).toEqual(['HTTP/1.1', '404', 'Not Found']);
  });

  it('rejects a start line without parts and cuts huge values', () => {
    const bad = enc('GARBAGE\r\n\r\n');
    expect(parseHead(bad, 0, bad.length)).toBeNull();
    const long = enc(`GET /${'a'.repeat(MAX_LOGGED_VALUE_CHARS + 10)} HTTP/1.1\r\n\r\n`);
    const head = parseHead(long, 0, long.length)!;
    expect(head.parts[1].length).toBe(MAX_LOGGED_VALUE_CHARS);
    expect(head.truncated).toBe(true);
  });
});
