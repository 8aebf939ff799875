import { describe, expect, it } from 'vitest';
import { weirdSchema } from '../schema/weird.js';
import { zeekStamp, zeekTsvFormat } from './zeek-tsv.js';

describe('zeek-tsv format', () => {
  it('stamps #open/#close in UTC from network time', () => {
    expect(zeekStamp(1551120432.9)).toBe('2019-02-25-18-47-12');
    expect(zeekStamp(null)).toBe('1970-01-01-00-00-00');
  });

  it('writes the Zeek header for the schema', () => {
    const f = zeekTsvFormat({ schema: weirdSchema, firstTs: 0, lastTs: 60 });
    expect(f.header().split('\n')).toEqual([
      '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\tweird',
      '#open\t1970-01-01-00-00-00', '#fields\tts\tuid\tname\taddl\tsource', '#types\ttime\tstring\tstring\tstring\tstring', '',
    ]);
    expect(f.row({ ts: 1, uid: '', name: 'ip_truncated', addl: 'frame 3', source: 'a.pcap@24' })).toBe('1.000000\t(empty)\tip_truncated\tframe 3\ta.pcap@24\n');
    expect(f.footer()).toBe('#close\t1970-01-01-00-01-00\n');
  });
});
