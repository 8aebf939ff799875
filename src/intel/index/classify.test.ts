import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyIndicator } from './classify.js';

describe('classifyIndicator', () => {
  it('recognises each kind and normalises it', () => {
    expect(classifyIndicator('10.1.2.3/8')).toEqual({ kind: 'ip', value: '10.0.0.0/8' });
    expect(classifyIndicator('200.124.225.32:80')).toEqual({ kind: 'ip', value: '200.124.225.32' });
    expect(classifyIndicator('2001:DB8::1/32')).toEqual({ kind: 'ip', value: '2001:db8::/32' });
    expect(classifyIndicator('WWW.Evil.com.')).toEqual({ kind: 'domain', value: 'evil.com' });
    expect(classifyIndicator('D41D8CD98F00B204E9800998ECF8427E')).toEqual({ kind: 'hash', value: 'd41d8cd98f00b204e9800998ecf8427e' });
    expect(classifyIndicator('http://x4z9arb.cn/4712/')).toEqual({ kind: 'url', value: 'x4z9arb.cn/4712' });
    expect(classifyIndicator('/c99.php')).toEqual({ kind: 'url', value: '*/c99.php' });
    expect(classifyIndicator('*.evil.com/*')).toEqual({ kind: 'url', value: '*.evil.com/*' });
  });
  it('reports what is wrong', () => {
    expect(classifyIndicator('not an indicator')).toHaveProperty('error');
    expect(classifyIndicator('1.2.3.4/33')).toHaveProperty('error');
    expect(classifyIndicator('evil.com', 'ip')).toHaveProperty('error');
    expect(classifyIndicator('abc', 'hash')).toHaveProperty('error');
  });
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => { classifyIndicator(s); }));
  });
});
