import { describe, expect, it } from 'vitest';
import { parseEventLine } from './event-line.js';

describe('parseEventLine', () => {
  it('takes url, ip, hash and domain fields and ignores context', () => {
    expect(parseEventLine('url=example.com/a=b|IP=203.0.113.7|hash=44d88612fea8a8f36de82e1278abb02f|Code=7|ip=|junk')).toEqual([
      { field: 'url', kind: 'url', value: 'example.com/a=b' },
      { field: 'ip', kind: 'ip', value: '203.0.113.7' },
      { field: 'hash', kind: 'hash', value: '44d88612fea8a8f36de82e1278abb02f' },
    ]);
    expect(parseEventLine('Code=1|Name=no indicators')).toEqual([]);
  });
});
