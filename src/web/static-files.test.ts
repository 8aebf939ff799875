import { describe, expect, it } from 'vitest';
import { createRouter } from './router.js';
import { staticRoutes } from './static-files.js';

const app = createRouter(staticRoutes());
const get = (path: string): Promise<Response> => app(new Request(`http://localhost${path}`));

describe('staticRoutes', () => {
  it('serves the page, its script and style, and the chart and graph libraries with their content types', async () => {
    const page = await get('/');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<script type="module" src="/dashboard/app.js">');
    expect((await get('/dashboard/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('/dashboard/dashboard.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const echarts = await get('/vendor/echarts.min.js');
    expect(echarts.status).toBe(200);
    expect((await echarts.text()).length).toBeGreaterThan(500_000);
    expect((await get('/vendor/cytoscape.min.js')).status).toBe(200);
  });

  it('never reaches outside its file list, however the path is spelled', async () => {
    const attempts = [
      '/dashboard/..%2F..%2Fpackage.json', '/dashboard/%2e%2e%2fweb%2fserver.ts', '/dashboard/..%5C..%5Cpackage.json',
      '/dashboard/%252e%252e%252fpackage.json', '/dashboard/app.js%00.css', '/dashboard/APP.JS', '/dashboard/.', '/dashboard/%2e%2e',
      '/dashboard/static-files.test.ts', '/vendor/..%2F..%2Fpackage.json', '/vendor/echarts.js', '/vendor/%2e%2e%2f%2e%2e%2fpackage.json',
      '/dashboard/../../package.json', '/vendor/../../../etc/passwd', '/dashboard/%E0%A4%A',
    ];
    const page = await (await get('/')).text();
    for (const path of attempts) {
      const res = await get(path);
      const body = await res.text();
      // URL parsing resolves dot segments (`/dashboard/%2e%2e` is `/`): the page itself is the only other answer allowed.
      if (res.status === 200) expect(body, path).toBe(page);
      else expect([400, 404], path).toContain(res.status);
      expect(body, path).not.toMatch(/"name": "tracer-forensics"|root:x:0|createServer/);
    }
  });
});
