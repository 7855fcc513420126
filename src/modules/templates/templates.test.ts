import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { categoryIds, submitIdea } from '../ideas/testing/ideas-fixture.ts';
import { createPeople, type People, signInAgain } from '../tasks/testing/tasks-fixture.ts';
import { SECRET_PLACEHOLDER } from './template-strip.domain.ts';
import { makeWorkflow, publishTemplate, templateState } from './testing/templates-fixture.ts';

type Need = { kind: string; nodeId: string; credentialType: string | null; path: string | null };

for (const { dialect, skip } of testDialects()) {
  describe(`templates: publish, use, reuse credit [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let cats: Record<string, string> = {};
    let workflowId = '';
    let template: { id: string } = { id: '' };
    let ideaId = '';

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
      cats = await categoryIds(p);
      workflowId = await makeWorkflow(p.as.bob, 'Invoices');
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    const audits = (action: string) =>
      handle.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('occurred_at').orderBy('id').execute();

    it('documents the template routes in the OpenAPI document', async () => {
      const paths = (await p.app.server.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
      for (const path of [
        '/api/v1/templates',
        '/api/v1/templates/{id}',
        '/api/v1/templates/{id}/use',
        '/api/v1/templates/{id}/reviews/mine',
      ]) {
        assert.ok(paths[path], path);
      }
    });

    it('refuses to publish a workflow that was never published, and changes nothing', async () => {
      const draft = await makeWorkflow(p.as.bob, 'Draft only', { publish: false });
      const before = await templateState(p);
      const res = await p.as.bob.request({ method: 'POST', url: '/api/v1/templates', payload: { workflowId: draft, name: 'Nope' } });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, 'TEMPLATE_WORKFLOW_NOT_PUBLISHED');
      assert.deepEqual(await templateState(p), before);
    });

    it('lets only people who build workflows publish templates', async () => {
      const before = await templateState(p);
      for (const who of [p.as.alice, p.as.vic]) {
        const res = await who.request({ method: 'POST', url: '/api/v1/templates', payload: { workflowId, name: 'Not mine' } });
        assert.equal(res.statusCode, 403, res.body);
      }
      assert.deepEqual(await templateState(p), before);
    });

    it('publishes the latest published version with credentials and secrets stripped, the source idea, and an audit entry', async () => {
      const idea = await submitIdea(p.as.alice, cats.Finance ?? '');
      ideaId = idea.id;
      await handle.db
        .insertInto('idea_workflows')
        .values({ idea_id: idea.id, workflow_id: workflowId, linked_by: p.ids.bob, created_at: '2026-11-24T08:00:00.000Z' })
        .execute();
      // A later draft edit is not published, so the template must not see it.
      await p.as.bob.request({ method: 'PATCH', url: `/api/v1/workflows/${workflowId}`, payload: { description: 'draft change' } });
      template = await publishTemplate(p.as.bob, workflowId, { categoryId: cats.Finance });
      const t = template as unknown as {
        author: { name: string };
        version: number;
        tags: string[];
        category: { name: string };
        sourceIdea: { id: string };
        definition: { nodes: { id: string; config: Record<string, unknown> }[] };
        needs: Need[];
        canEdit: boolean;
      };
      assert.equal(t.author.name, 'bob');
      assert.equal(t.version, 1);
      assert.deepEqual(t.tags, ['invoices', 'finance']);
      assert.equal(t.category.name, 'Finance');
      assert.equal(t.sourceIdea.id, idea.id);
      assert.equal(t.canEdit, true);
      const node = (id: string) => t.definition.nodes.find((n) => n.id === id)?.config ?? {};
      assert.equal(node('mail').credentialId, undefined);
      assert.equal((node('fetch').headers as Record<string, string>).Authorization, SECRET_PLACEHOLDER);
      assert.equal((node('hook').signature as Record<string, string>).secret, SECRET_PLACEHOLDER);
      assert.doesNotMatch(JSON.stringify(t.definition), /hunter2|s3cr3t|cred-smtp-1|invoices-k3j9x2/);
      assert.deepEqual(
        t.needs.filter((n) => n.kind === 'credential').map((n) => [n.nodeId, n.credentialType]),
        [['mail', 'smtp']],
        'an optional credential that was not set is not needed',
      );
      const [entry] = await audits('template.publish');
      assert.equal(entry?.object_id, template.id);
      assert.equal(entry?.actor_id, p.ids.bob);
      assert.doesNotMatch(JSON.stringify(entry), /hunter2|s3cr3t/);
    });

    it('creates a draft workflow from a template for another builder and credits the author', async () => {
      const res = await p.as.erin.request({
        method: 'POST',
        url: `/api/v1/templates/${template.id}/use`,
        payload: { name: 'My invoices' },
      });
      assert.equal(res.statusCode, 201, res.body);
      const used = res.json();
      assert.equal(used.version, 1);
      assert.ok(used.needs.some((n: Need) => n.credentialType === 'smtp'));
      const wf = await p.as.erin.request({ url: `/api/v1/workflows/${used.workflowId}` });
      assert.equal(wf.json().name, 'My invoices');
      assert.equal(wf.json().status, 'draft');
      const hook = wf.json().definition.nodes.find((n: { id: string }) => n.id === 'hook');
      assert.match(hook.config.path, /^tpl-[0-9a-f]{8}$/);
      const row = await handle.db.selectFrom('workflows').select('created_by').where('id', '=', used.workflowId).executeTakeFirstOrThrow();
      assert.equal(row.created_by, p.ids.erin);
      const detail = (await p.as.alice.request({ url: `/api/v1/templates/${template.id}` })).json();
      assert.equal(detail.uses, 1);
      assert.equal((await audits('template.use')).length, 1);
      assert.equal((await audits('workflow.create')).at(-1)?.object_id, used.workflowId);
      assert.deepEqual(await p.app.services.templates.reuseByAuthor(), [{ author: { id: p.ids.bob, name: 'bob' }, uses: 1, templates: 1 }]);
    });

    it("records the author's own use without counting it as reuse", async () => {
      const res = await p.as.bob.request({ method: 'POST', url: `/api/v1/templates/${template.id}/use`, payload: { name: 'Mine again' } });
      assert.equal(res.statusCode, 201, res.body);
      const detail = (await p.as.bob.request({ url: `/api/v1/templates/${template.id}` })).json();
      assert.equal(detail.uses, 1);
      assert.equal((await templateState(p)).uses, 2);
      assert.equal((await p.app.services.templates.reuseByAuthor())[0]?.uses, 1);
    });

    it('reports reuse by author within a time window', async () => {
      p.app.clock.advance(86_400_000);
      await signInAgain(p);
      const res = await p.as.erin.request({ method: 'POST', url: `/api/v1/templates/${template.id}/use`, payload: { name: 'Tomorrow' } });
      assert.equal(res.statusCode, 201, res.body);
      const tomorrow = new Date(p.app.clock.now().getTime() - 1000).toISOString();
      assert.equal((await p.app.services.templates.reuseByAuthor(tomorrow))[0]?.uses, 1);
      assert.deepEqual(await p.app.services.templates.reuseByAuthor(undefined, '2026-11-01T00:00:00.000Z'), []);
      const api = await p.as.alice.request({ url: '/api/v1/templates/reuse-by-author' });
      assert.equal(api.statusCode, 200, api.body);
      assert.equal(api.json().items[0].uses, 2);
    });

    it('refuses a use by someone who cannot build workflows, and changes nothing', async () => {
      const before = await templateState(p);
      const res = await p.as.alice.request({ method: 'POST', url: `/api/v1/templates/${template.id}/use`, payload: { name: 'x' } });
      assert.equal(res.statusCode, 403, res.body);
      assert.deepEqual(await templateState(p), before);
    });

    it('keeps version history when the author re-publishes; others may not', async () => {
      const v2 = await p.as.bob.request({ method: 'POST', url: `/api/v1/templates/${template.id}/versions`, payload: { note: 'second' } });
      assert.equal(v2.statusCode, 201, v2.body);
      assert.equal(v2.json().version, 2);
      const again = await publishTemplate(p.as.bob, workflowId, { name: 'Supplier invoices, v3', note: 'third' });
      assert.equal(again.id, template.id);
      assert.equal(again.version, 3);
      assert.deepEqual(
        again.versions.map((v: { version: number; note: string }) => [v.version, v.note]),
        [
          [3, 'third'],
          [2, 'second'],
          [1, ''],
        ],
      );
      const denied = await p.as.erin.request({ method: 'POST', url: `/api/v1/templates/${template.id}/versions`, payload: {} });
      assert.equal(denied.statusCode, 403, denied.body);
      assert.equal(denied.json().error.code, 'TEMPLATE_NOT_AUTHOR');
      const old = await p.as.erin.request({
        method: 'POST',
        url: `/api/v1/templates/${template.id}/use`,
        payload: { name: 'Old one', version: 1 },
      });
      assert.equal(old.json().version, 1);
    });

    it('lets the author edit the description; others get TEMPLATE_NOT_AUTHOR; an unknown category is a field error', async () => {
      const denied = await p.as.erin.request({ method: 'PATCH', url: `/api/v1/templates/${template.id}`, payload: { summary: 'hijack' } });
      assert.equal(denied.json().error.code, 'TEMPLATE_NOT_AUTHOR');
      const bad = await p.as.bob.request({ method: 'PATCH', url: `/api/v1/templates/${template.id}`, payload: { categoryId: 'nope' } });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.code, 'TEMPLATE_CATEGORY_UNKNOWN');
      const ok = await p.as.bob.request({
        method: 'PATCH',
        url: `/api/v1/templates/${template.id}`,
        payload: { summary: 'Better summary', tags: ['AP'] },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json().tags, ['ap']);
      const [entry] = await audits('template.update');
      assert.equal(JSON.parse(entry?.after_json ?? '{}').summary, 'Better summary');
    });

    it("lets a read-only API token see the author's template but not change it", async () => {
      const bob = await p.app.services.directory.actorForEmail('bob@bakery.example', 'test');
      const { token } = await p.app.services.tokens.create({ ...bob, type: 'user' }, { name: 'read', scopes: ['read'] });
      const headers = { authorization: `Bearer ${token}` };
      const read = await p.app.server.inject({ url: `/api/v1/templates/${template.id}`, headers });
      assert.equal(read.statusCode, 200, read.body);
      const before = await templateState(p);
      for (const [method, url, payload] of [
        ['PATCH', `/api/v1/templates/${template.id}`, { summary: 'via token' }],
        ['POST', `/api/v1/templates/${template.id}/archive`, {}],
      ] as const) {
        const res = await p.app.server.inject({ method, url, payload, headers });
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'INSUFFICIENT_SCOPE');
      }
      assert.deepEqual(await templateState(p), before);
    });

    it('takes one rating per person, replaces it on edit, never on your own template, and keeps the average', async () => {
      const rate = (who: keyof People['as'], stars: number, text = '') =>
        p.as[who].request({ method: 'PUT', url: `/api/v1/templates/${template.id}/reviews/mine`, payload: { stars, text } });
      const own = await rate('bob', 5);
      assert.equal(own.statusCode, 403, own.body);
      assert.equal(own.json().error.code, 'TEMPLATE_OWN_REVIEW');
      assert.equal((await rate('vic', 5)).statusCode, 403);
      assert.equal((await rate('alice', 4, 'Saved me an hour')).json().rating, 4);
      const edited = (await rate('alice', 2)).json();
      assert.deepEqual([edited.rating, edited.ratingCount], [2, 1]);
      const both = (await rate('carol', 5)).json();
      assert.deepEqual([both.rating, both.ratingCount], [3.5, 2]);
      const detail = (await p.as.alice.request({ url: `/api/v1/templates/${template.id}` })).json();
      assert.equal(detail.reviews.length, 2);
      assert.equal(detail.myReview.stars, 2);
      const removed = await p.as.alice.request({ method: 'DELETE', url: `/api/v1/templates/${template.id}/reviews/mine` });
      assert.deepEqual([removed.json().rating, removed.json().ratingCount], [5, 1]);
      const twice = await p.as.alice.request({ method: 'DELETE', url: `/api/v1/templates/${template.id}/reviews/mine` });
      assert.equal(twice.statusCode, 404);
      assert.equal((await audits('template.review')).length, 3);
      assert.equal((await audits('template.review_delete')).length, 1);
    });

    it('lists the gallery with search, tag, category, sort by uses or rating, and pages', async () => {
      const other = await makeWorkflow(p.as.erin, 'Leave requests', {
        definition: { schemaVersion: 1, nodes: [{ id: 'start', type: 'trigger.manual', name: 'Start' }], edges: [] },
      });
      await publishTemplate(p.as.erin, other, { name: 'Leave requests', summary: 'Approve leave', tags: ['hr'], categoryId: cats.HR });
      const list = async (query: string) => (await p.as.vic.request({ url: `/api/v1/templates?${query}` })).json();
      assert.deepEqual(
        (await list('sort=uses')).items.map((t: { name: string }) => t.name),
        ['Supplier invoices, v3', 'Leave requests'],
      );
      assert.equal((await list('sort=newest')).items[0].name, 'Leave requests');
      assert.equal((await list('sort=rating')).items[0].name, 'Supplier invoices, v3');
      assert.deepEqual((await list('q=leave')).items.length, 1);
      assert.deepEqual(
        (await list('tag=AP')).items.map((t: { name: string }) => t.name),
        ['Supplier invoices, v3'],
      );
      assert.deepEqual(
        (await list(`categoryId=${cats.HR}`)).items.map((t: { name: string }) => t.name),
        ['Leave requests'],
      );
      assert.deepEqual(
        (await list(`ideaId=${ideaId}`)).items.map((t: { name: string }) => t.name),
        ['Supplier invoices, v3'],
      );
      const first = await list('sort=uses&limit=1');
      assert.equal(first.items.length, 1);
      const second = await list(`sort=uses&limit=1&cursor=${first.nextCursor}`);
      assert.equal(second.items[0].name, 'Leave requests');
      assert.equal(second.nextCursor, null);
    });

    it('archives: the template leaves the gallery and can no longer be used or rated', async () => {
      const res = await p.as.bob.request({ method: 'POST', url: `/api/v1/templates/${template.id}/archive` });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'archived');
      const names = (await p.as.bob.request({ url: '/api/v1/templates' })).json().items.map((t: { name: string }) => t.name);
      assert.deepEqual(names, ['Leave requests']);
      const before = await templateState(p);
      const use = await p.as.erin.request({ method: 'POST', url: `/api/v1/templates/${template.id}/use`, payload: { name: 'x' } });
      assert.equal(use.statusCode, 409, use.body);
      assert.equal(use.json().error.code, 'TEMPLATE_ARCHIVED');
      assert.deepEqual(await templateState(p), before);
      assert.equal((await audits('template.archive')).length, 1);
    });
  });
}
