import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { createPeople, type People } from '../tasks/testing/tasks-fixture.ts';
import { categoryIds, goodScreen, ideaState, submitIdea } from './testing/ideas-fixture.ts';

for (const { dialect, skip } of testDialects()) {
  describe(`ideas: submit, score, similar, community [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let cats: Record<string, string> = {};

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
      cats = await categoryIds(p);
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    it('documents the idea routes in the OpenAPI document', async () => {
      const res = await p.app.server.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(res.statusCode, 200, res.body.slice(0, 500));
      const paths = res.json().paths;
      for (const path of [
        '/api/v1/ideas',
        '/api/v1/ideas/similar',
        '/api/v1/ideas/{id}/transitions',
        '/api/v1/idea-categories/{id}/rules',
        '/api/v1/notifications',
      ]) {
        assert.ok(paths[path], path);
      }
    });

    it('seeds the default categories', () => {
      for (const name of ['Finance', 'Sales & orders', 'Operations', 'HR', 'IT']) assert.ok(cats[name], name);
    });

    it('scores a draft without storing anything, factor by factor', async () => {
      const before = await ideaState(p);
      const res = await p.as.alice.request({ method: 'POST', url: '/api/v1/ideas/score', payload: { screen: goodScreen } });
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      assert.equal(s.score, 60);
      assert.equal(s.factors.find((f: { factor: string }) => f.factor === 'documentation').points, 0);
      assert.equal(s.hints[0].factor, 'documentation');
      const major = await p.as.alice.request({
        method: 'POST',
        url: '/api/v1/ideas/score',
        payload: { screen: { ...goodScreen, change: 5 } },
      });
      assert.equal(major.json().feasible, false);
      assert.match(major.json().warning, /major change/);
      assert.deepEqual(await ideaState(p), before);
    });

    it('submits an idea with its instant score; the submitter follows it; the change is audited', async () => {
      const idea = await submitIdea(p.as.alice, cats.Finance ?? '', { teamId: p.financeId });
      assert.equal(idea.score.score, 60);
      assert.equal(idea.phase, 'idea');
      assert.equal(idea.status, 'awaiting_review');
      assert.equal(idea.team.name, 'Finance');
      assert.equal(idea.submitter.name, 'alice');
      assert.equal(idea.following, true);
      assert.equal(idea.hoursPerMonth, 36.7, '20/day × 220/12 × 6 min ÷ 60');
      assert.deepEqual(
        idea.moves.map((m: { action: string }) => m.action),
        ['withdraw'],
      );
      const audit = await handle.db.selectFrom('audit_events').selectAll().where('object_id', '=', idea.id).execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['idea.create'],
      );
    });

    it('answers bad input with field errors and stores nothing', async () => {
      const before = await ideaState(p);
      const bad = async (payload: Record<string, unknown>) => {
        const res = await p.as.alice.request({
          method: 'POST',
          url: '/api/v1/ideas',
          payload: {
            name: 'Some idea',
            description: 'x',
            categoryId: cats.Finance,
            frequencyPeriod: 'day',
            frequencyCount: 1,
            minutesPerCase: 1,
            screen: goodScreen,
            ...payload,
          },
        });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED');
        return res.json().error.details.issues.map((i: { path: string }) => i.path);
      };
      assert.deepEqual(await bad({ frequencyCount: -3 }), ['frequencyCount']);
      assert.deepEqual(await bad({ minutesPerCase: -1 }), ['minutesPerCase']);
      assert.deepEqual(await bad({ categoryId: 'nope' }), ['categoryId']);
      assert.deepEqual(await bad({ categoryId: 'nope', teamId: 'nope' }), ['categoryId', 'teamId']);
      assert.deepEqual(await bad({ screen: { ...goodScreen, rules: 6 } }), ['screen.rules']);
      assert.deepEqual(await ideaState(p), before);
    });

    it('lets a viewer read ideas but not submit', async () => {
      const res = await p.as.vic.request({ method: 'POST', url: '/api/v1/ideas/score', payload: { screen: goodScreen } });
      assert.equal(res.statusCode, 200);
      const before = await ideaState(p);
      const sub = await p.as.vic.request({
        method: 'POST',
        url: '/api/v1/ideas',
        payload: {
          name: 'Viewer idea',
          description: 'x',
          categoryId: cats.IT,
          frequencyPeriod: 'day',
          frequencyCount: 1,
          minutesPerCase: 1,
          screen: goodScreen,
        },
      });
      assert.equal(sub.statusCode, 403);
      assert.deepEqual(await ideaState(p), before);
    });

    it('shows the obvious duplicate first among similar ideas, and similar workflows', async () => {
      await submitIdea(p.as.zoe, cats.HR ?? '', {
        name: 'Holiday requests into the HR calendar',
        description: 'We copy approved holiday requests by hand into the shared calendar.',
      });
      await submitIdea(p.as.zoe, cats['Sales & orders'] ?? '', {
        name: 'Weekly sales report',
        description: 'Each Monday someone builds the sales report from web shop orders.',
      });
      await p.as.bob.request({
        method: 'POST',
        url: '/api/v1/workflows',
        payload: {
          name: 'Supplier invoice intake',
          description: 'Reads supplier invoices from the mailbox',
          definition: { schemaVersion: 1, nodes: [{ id: 'start', type: 'trigger.manual', name: 'Start' }], edges: [] },
        },
      });
      const res = await p.as.carol.request({
        method: 'POST',
        url: '/api/v1/ideas/similar',
        payload: { name: 'Supplier invoices typed into accounting', description: 'invoices from e-mail retyped by hand' },
      });
      assert.equal(res.statusCode, 200, res.body);
      const s = res.json();
      assert.equal(s.ideas[0].name, 'Copy supplier invoices into accounting');
      assert.ok(s.ideas[0].similarity > (s.ideas[1]?.similarity ?? 0));
      assert.equal(s.workflows[0].name, 'Supplier invoice intake');
    });

    it('adds "this is my process too" to the existing idea: volume, vote, follow, the submitter hears of it', async () => {
      const [idea] = (await p.as.carol.request({ method: 'GET', url: '/api/v1/ideas?q=supplier' })).json().items;
      const res = await p.as.carol.request({
        method: 'POST',
        url: `/api/v1/ideas/${idea.id}/me-too`,
        payload: { frequencyPeriod: 'week', frequencyCount: 5, minutesPerCase: 12, note: 'Same in purchasing' },
      });
      assert.equal(res.statusCode, 204, res.body);
      const after = (await p.as.carol.request({ method: 'GET', url: `/api/v1/ideas/${idea.id}` })).json();
      assert.equal(after.supporters, 1);
      assert.equal(after.votes, 1);
      assert.equal(after.voted, true);
      assert.equal(after.following, true);
      assert.equal(after.hoursPerMonth, 41, '36.7 + 5/week × 52/12 × 12 min ÷ 60 = 4.3');
      const again = await p.as.carol.request({ method: 'POST', url: `/api/v1/ideas/${idea.id}/me-too`, payload: {} });
      assert.equal(again.json().error.code, 'IDEA_ALREADY_SUPPORTED');
      const own = await p.as.alice.request({ method: 'POST', url: `/api/v1/ideas/${idea.id}/me-too`, payload: {} });
      assert.equal(own.statusCode, 409);
      const half = await p.as.dave.request({ method: 'POST', url: `/api/v1/ideas/${idea.id}/me-too`, payload: { frequencyCount: 3 } });
      assert.deepEqual(
        half.json().error.details.issues.map((i: { path: string }) => i.path),
        ['frequencyPeriod'],
      );
      const inbox = (await p.as.alice.request({ method: 'GET', url: '/api/v1/notifications' })).json();
      assert.equal(inbox.items[0].kind, 'idea.me_too');
      assert.equal(inbox.unread, 1);
    });

    it('counts one vote per person, un-votes, and follows and unfollows', async () => {
      const [idea] = (await p.as.dave.request({ method: 'GET', url: '/api/v1/ideas?q=holiday' })).json().items;
      const url = `/api/v1/ideas/${idea.id}/vote`;
      assert.equal((await p.as.dave.request({ method: 'PUT', url })).json().votes, 1);
      assert.equal((await p.as.dave.request({ method: 'PUT', url })).json().votes, 1, 'a second vote changes nothing');
      assert.equal((await p.as.erin.request({ method: 'PUT', url })).json().votes, 2);
      const undone = (await p.as.dave.request({ method: 'DELETE', url })).json();
      assert.deepEqual([undone.votes, undone.voted], [1, false]);
      assert.equal((await p.as.vic.request({ method: 'PUT', url })).statusCode, 403, 'viewers do not vote');
      const f = `/api/v1/ideas/${idea.id}/follow`;
      assert.equal((await p.as.dave.request({ method: 'PUT', url: f })).json().following, true);
      assert.equal((await p.as.dave.request({ method: 'DELETE', url: f })).json().following, false);
      assert.equal((await p.as.dave.request({ method: 'PUT', url: '/api/v1/ideas/nope/vote' })).statusCode, 404);
    });

    it('resolves @mentions to people and notifies them and the followers, once each', async () => {
      const [idea] = (await p.as.dave.request({ method: 'GET', url: '/api/v1/ideas?q=holiday' })).json().items;
      await p.as.erin.request({ method: 'PUT', url: `/api/v1/ideas/${idea.id}/follow` });
      const res = await p.as.dave.request({
        method: 'POST',
        url: `/api/v1/ideas/${idea.id}/comments`,
        payload: { body: 'Same for us. @erin and @bob@bakery.example, can you look? @nobody' },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(
        res
          .json()
          .mentions.map((m: { name: string }) => m.name)
          .sort(),
        ['bob', 'erin'],
      );
      const latest = async (who: 'erin' | 'bob' | 'zoe') =>
        (await p.as[who].request({ method: 'GET', url: '/api/v1/notifications?unread=true' })).json().items;
      const erin = await latest('erin');
      assert.equal(
        erin.filter((n: { objectId?: string; kind: string }) => n.kind.startsWith('idea.')).length,
        1,
        'a mention, not also a comment note',
      );
      assert.equal(erin[0].kind, 'idea.mention');
      assert.equal((await latest('bob'))[0].kind, 'idea.mention');
      assert.equal((await latest('zoe'))[0].kind, 'idea.comment', 'the submitter follows her idea');
      const comments = (await p.as.zoe.request({ method: 'GET', url: `/api/v1/ideas/${idea.id}/comments` })).json();
      assert.equal(comments.length, 1);
      const marked = await p.as.zoe.request({ method: 'POST', url: '/api/v1/notifications/read', payload: { all: true } });
      assert.equal(marked.json().marked, 1);
      assert.equal((await p.as.zoe.request({ method: 'GET', url: '/api/v1/notifications' })).json().unread, 0);
    });

    it('lets an administrator weigh the factors, and rescores every idea with the new weights', async () => {
      const url = '/api/v1/ideas/score-weights';
      const heavyRules = { rules: 3, digital: 1, structured: 1, change: 1, documentation: 1 };
      assert.equal((await p.as.erin.request({ method: 'PUT', url, payload: heavyRules })).statusCode, 403);
      const zero = await p.as.erin.request({
        method: 'PUT',
        url,
        payload: { rules: 0, digital: 0, structured: 0, change: 0, documentation: 0 },
      });
      assert.equal(zero.statusCode, 400);
      const { rescored } = await p.app.services.ideaCategories.setWeights(cliActor('test'), heavyRules);
      assert.ok(rescored >= 1);
      assert.deepEqual((await p.as.vic.request({ method: 'GET', url })).json(), heavyRules);
      // (3 × 1 + .75 + .5 + .75 + 0) / 7 = 5 / 7 → 71.4
      const dry = await p.as.alice.request({ method: 'POST', url: '/api/v1/ideas/score', payload: { screen: goodScreen } });
      assert.equal(dry.json().score, 71.4);
      const [stored] = (await p.as.alice.request({ method: 'GET', url: '/api/v1/ideas?q=supplier' })).json().items;
      assert.equal(stored.score, 71.4, 'the stored score follows the weights');
      const audit = await handle.db.selectFrom('audit_events').select('action').where('action', '=', 'idea_score.weights').execute();
      assert.equal(audit.length, 1);
    });
  });
}
