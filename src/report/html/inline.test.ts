import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash, inlineJson, inlineScript } from './inline.js';

const PAYLOADS = ['</script><script>alert(1)</script>', '<!-- <script>', 'a\u2028b\u2029c', '&lt;&amp;', '<img src=x onerror=alert(1)>'];

describe('inlineJson', () => {
  it('leaves no character that could end the element or be read as markup, and round-trips', () => {
    const value = { names: PAYLOADS, nested: { k: PAYLOADS.join('') } };
    const text = inlineJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('inlineScript', () => {
  it('cannot be closed early by the script text', () => {
    const text = inlineScript('var a = "</script><b>"; var b = "<!--"; var c = "</SCRIPT >";');
    expect(text.toLowerCase()).not.toContain('</script');
    expect(text).not.toContain('<!--');
    expect(new Function(`${text}; return [a, b, c];`)()).toEqual(['</script><b>', '<!--', '</SCRIPT >']);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only the hashed scripts and styles and no loading from anywhere', () => {
    const csp = contentSecurityPolicy(['alert(1)'], ['p{}']);
    expect(cspHash('alert(1)')).toBe(`'sha256-${createHash('sha256').update('alert(1)').digest('base64')}'`);
    expect(csp).toContain(`script-src ${cspHash('alert(1)')};`);
    expect(csp).toContain(`style-src ${cspHash('p{}')};`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });
});
