import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import { runSqlDetector } from './sql-detector.js';
import { storeWith, T0 } from './testing/store.js';
import { webAttack } from './web-attack.js';

/** An http.log request from 10.0.0.66 to 10.0.0.80. */
function request(i: number, uri: string) {
  return { ts: T0 + i, uid: `W${i}`, id_orig_h: '10.0.0.66', id_orig_p: 40000, id_resp_h: '10.0.0.80', id_resp_p: 80, method: 'GET', host: 'shop.lan', uri };
}

describe('web attack detector', () => {
  it('classifies SQL injection, traversal, command injection, XSS and web shells with the request', async () => {
    const store = await storeWith({ http: [
      request(1, "/item?id=%27%20or%20%271%27%3D%271"), request(2, '/item?id=1+union+select+null,version()'),
      request(3, '/page?f=../../../../etc/passwd'), request(4, '/ping?ip=127.0.0.1;cat%20/etc/hosts'),
      request(5, '/search?q=%3Cscript%3Ealert(1)%3C/script%3E'), request(6, '/uploads/c99.php'),
      request(7, '/list?q=1%20select%20name%20from%20users%20where%201'),
    ] });
    const alerts = await runSqlDetector(store, webAttack, DEFAULT_CONFIG.detectors.web_attack);
    const byClass = Object.fromEntries(alerts.map((a) => [a.evidence.class, a.evidence.requests]));
    expect(byClass).toEqual({ sql_injection: 3, path_traversal: 1, command_injection: 1, xss: 1, web_shell: 1 });
    expect(alerts.find((a) => a.evidence.class === 'web_shell')?.explanation).toContain('GET shop.lan/uploads/c99.php');
    await store.close();
  });

  it('leaves ordinary requests alone', async () => {
    const uris = ['/', '/index.html?lang=en', '/search?q=select+a+shirt+from+the+shop', "/o'reilly/books", '/a/b/c.js?v=1.2.3', '/api/items?sort=-price'];
    const store = await storeWith({ http: uris.map((u, i) => request(i, u)) });
    expect(await runSqlDetector(store, webAttack, DEFAULT_CONFIG.detectors.web_attack)).toEqual([]);
    await store.close();
  });
});
