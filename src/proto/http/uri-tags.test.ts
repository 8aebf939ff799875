import { describe, expect, it } from 'vitest';
import { looksLikeSqlInjection, unescapeUri, uriTags } from './uri-tags.js';

describe('uriTags (Zeek URI_SQLI)', () => {
  it.each([
    '/item.php?id=1 UNION SELECT username,password FROM users',
    '/item.php?id=1%20union%20all%20select%201,2,3--',
    '/list?cat=2+UNION/**/SELECT+null,version()',
    '/login?user=admin\'--&pass=x',
    '/login?user=x\' or \'a\'=\'a',
    '/p?id=1 OR 1=1',
    '/p?id=5;DROP TABLE users',
    '/p?id=1 AND ascii(substring((select database()),1,1))>64',
    '/p?id=1 and sleep(5)',
    '/p?id=1/*!50000union*/',
    '/p?q=1\';exec xp_cmdshell \'dir\'',
  ])('tags %s', (uri) => {
    expect(uriTags(uri)).toEqual(['URI_SQLI']);
  });

  it.each([
    '/', '/index.html', '/search?q=select+a+good+book&page=2', '/a?name=O\'Brien&x=1', '/news?topic=union+members',
    '/api?or=1&and=2', '/p?id=10&sort=name', '/download?file=report-2024.pdf', '/q?x=1=1',
  ])('leaves %s untagged (an empty set)', (uri) => {
    expect(uriTags(uri)).toEqual([]);
  });

  it('decodes well-formed percent escapes only, as Zeek', () => {
    expect(unescapeUri('/a%20b%zz%2')).toBe('/a b%zz%2');
    expect(uriTags(null)).toEqual([]);
  });

  it('stays fast on hostile URIs (bounded patterns, bounded length)', () => {
    const hostile = [`/?${'a='.repeat(20000)}`, `/?x=${'\' '.repeat(20000)}`, `/?x=${'/**/'.repeat(5000)}`, `/?x=1 ${'or '.repeat(8000)}`, `/?${'&x=1+'.repeat(5000)}`];
    const start = performance.now();
    for (const uri of hostile) looksLikeSqlInjection(uri);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
