import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { createPeople, type People } from '../tasks/testing/tasks-fixture.ts';
import { makeWorkflow, publishTemplate, templateState } from './testing/templates-fixture.ts';

for (const { dialect, skip } of testDialects()) {
  describe(`templates routes: bad input [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let templateId = '';

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
      templateId = (await publishTemplate(p.as.bob, await makeWorkflow(p.as.bob, 'Invoices'))).id;
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    const cases: [string, string, string, unknown, string][] = [
      ['publish without a name', 'POST', '/api/v1/templates', { workflowId: 'x' }, 'name'],
      ['publish with a one-letter name', 'POST', '/api/v1/templates', { workflowId: 'x', name: 'A' }, 'name'],
      ['publish with too many tags', 'POST', '/api/v1/templates', { workflowId: 'x', name: 'Abc', tags: Array(21).fill('t') }, 'tags'],
      ['an empty edit', 'PATCH', '/api/v1/templates/{id}', {}, ''],
      ['six stars', 'PUT', '/api/v1/templates/{id}/reviews/mine', { stars: 6 }, 'stars'],
      ['half a star', 'PUT', '/api/v1/templates/{id}/reviews/mine', { stars: 2.5 }, 'stars'],
      ['use without a name', 'POST', '/api/v1/templates/{id}/use', {}, 'name'],
      ['use version 0', 'POST', '/api/v1/templates/{id}/use', { name: 'x', version: 0 }, 'version'],
    ];
    for (const [what, method, url, payload, field] of cases) {
      it(`refuses ${what} with a field error and changes nothing`, async () => {
        const before = await templateState(p);
        const res = await p.as.erin.request({ method: method as 'POST', url: url.replace('{id}', templateId), payload: payload as object });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED');
        if (field) assert.ok(JSON.stringify(res.json().error.details).includes(`"${field}`), res.body);
        assert.deepEqual(await templateState(p), before);
      });
    }

    it('refuses an unknown sort, a bad cursor and a bad date', async () => {
      for (const url of [
        '/api/v1/templates?sort=best',
        '/api/v1/templates?cursor=%%%',
        '/api/v1/templates/reuse-by-author?from=yesterday',
      ]) {
        const res = await p.as.erin.request({ url });
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      }
    });

    it('answers 404 for an unknown template or version, and 404 for another workflow that does not exist', async () => {
      assert.equal((await p.as.erin.request({ url: '/api/v1/templates/nope' })).statusCode, 404);
      const v = await p.as.erin.request({ method: 'POST', url: `/api/v1/templates/${templateId}/use`, payload: { name: 'x', version: 9 } });
      assert.equal(v.statusCode, 404, v.body);
      const wf = await p.as.bob.request({ method: 'POST', url: '/api/v1/templates', payload: { workflowId: 'nope', name: 'Abc' } });
      assert.equal(wf.statusCode, 404, wf.body);
    });

    it('needs a session', async () => {
      assert.equal((await p.app.server.inject({ url: '/api/v1/templates' })).statusCode, 401);
    });
  });
}
