import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachDialect } from './platform/db/testing/test-database.ts';
import { createTestApp, type TestApp } from './testing/test-app.ts';

/** The only routes reachable without credentials (docs/api.md lists them). */
const PUBLIC_ALLOWLIST = [
  /^GET \/healthz$/,
  /^HEAD \/healthz$/,
  /^GET \/readyz$/,
  /^HEAD \/readyz$/,
  /^(GET|HEAD) \/api\/v1\/setup$/,
  /^POST \/api\/v1\/setup$/,
  /^POST \/api\/v1\/auth\/login$/,
  /^(GET|HEAD) \/api\/openapi\.json$/,
  /^(GET|HEAD) \/api\/docs(\/.*)?$/,
  // Webhooks: the unguessable path is the capability (plus an optional signature).
  /^(GET|HEAD|POST|PUT|PATCH|DELETE) \/webhooks\/:path$/,
  // One-click links of task e-mails: the unguessable token is the capability.
  /^(GET|HEAD|POST) \/api\/v1\/task-links\/:token$/,
  // Public form links: the 256-bit token is the capability (rate-limited, docs/forms.md).
  /^(GET|HEAD|POST) \/api\/v1\/forms\/public\/:token$/,
  /^POST \/api\/v1\/forms\/public\/:token\/files$/,
];

function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '01a205ef-0000-7000-8000-000000000000').replace(/\*/g, 'x');
}

describeEachDialect('every route is authenticated by default', (getDb) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(getDb());
  });
  after(() => t.close());

  it('registers routes under /api/v1 (the enumeration is not empty)', () => {
    const api = t.server.registeredRoutes.filter((r) => r.url.startsWith('/api/v1/'));
    assert.ok(api.length >= 20, `found ${api.length} API routes`);
  });

  it('answers 401 UNAUTHENTICATED on every non-public route without credentials', async () => {
    const failures: string[] = [];
    for (const route of t.server.registeredRoutes) {
      if (route.public) continue;
      const res = await t.server.inject({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        payload: route.method === 'GET' || route.method === 'HEAD' ? undefined : {},
      });
      const code = route.method === 'HEAD' ? 'UNAUTHENTICATED' : (res.json() as { error?: { code?: string } }).error?.code;
      if (res.statusCode !== 401 || code !== 'UNAUTHENTICATED') failures.push(`${route.method} ${route.url} → ${res.statusCode} ${code}`);
    }
    assert.deepEqual(failures, []);
  });

  it('answers 401 on every non-public route with a forged token or session cookie', async () => {
    const failures: string[] = [];
    for (const route of t.server.registeredRoutes) {
      if (route.public || route.method === 'HEAD') continue;
      const url = concreteUrl(route.url);
      const forgedToken = await t.server.inject({
        method: route.method as 'GET',
        url,
        headers: { authorization: `Bearer sym_abcdefgh_${'A'.repeat(43)}` },
      });
      const forgedCookie = await t.server.inject({ method: route.method as 'GET', url, cookies: { symbiont_session: 'forged' } });
      if (forgedToken.statusCode !== 401) failures.push(`${route.method} ${route.url} token → ${forgedToken.statusCode}`);
      if (forgedCookie.statusCode !== 401) failures.push(`${route.method} ${route.url} cookie → ${forgedCookie.statusCode}`);
    }
    assert.deepEqual(failures, []);
  });

  it('has no public route outside the allowlist', () => {
    const unexpected = t.server.registeredRoutes
      .filter((r) => r.public)
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !PUBLIC_ALLOWLIST.some((re) => re.test(key)));
    assert.deepEqual(unexpected, []);
  });

  it('keeps the allowlisted routes reachable without credentials', async () => {
    for (const url of ['/healthz', '/readyz', '/api/v1/setup', '/api/openapi.json']) {
      const res = await t.server.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
    }
  });

  it('lists every non-public API route in the OpenAPI document', async () => {
    const doc = (await t.server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const missing = t.server.registeredRoutes
      .filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD')
      .filter((r) => !doc.paths[r.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(missing, []);
  });
});
