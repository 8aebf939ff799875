import { describe, expect, it } from 'vitest';
import { html, raw } from './safe-html.js';

describe('html', () => {
  it('escapes every interpolated value, including inside arrays and attributes', () => {
    const host = '"><script>x</script>';
    expect(html`<a title="${host}">${[host, 1]}</a>`.text).toBe('<a title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">&quot;&gt;&lt;script&gt;x&lt;/script&gt;1</a>');
  });
  it('keeps nested html and raw markup as they are and drops null, undefined and false', () => {
    expect(html`<p>${html`<b>${'<i>'}</b>`}${raw('<br>')}${null}${undefined}${false}${0}</p>`.text).toBe('<p><b>&lt;i&gt;</b><br>0</p>');
  });
});
