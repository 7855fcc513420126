import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { createPeople, type People } from '../tasks/testing/tasks-fixture.ts';
import { categoryIds, ideaState, submitIdea } from './testing/ideas-fixture.ts';
import { passReviews } from './testing/reviews-fixture.ts';

/**
 * Who moves what: Carol approves (global), Dave approves in IT only (category-scoped), Bob
 * builds, Erin is a programme manager, Alice and Zoe are members, Vic only views.
 */
for (const { dialect, skip } of testDialects()) {
  describe(`ideas: pipeline transitions, decision queue, builder link [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let cats: Record<string, string> = {};
    let ideaId = '';
    let itIdea = '';

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
      cats = await categoryIds(p);
      const admin = cliActor('test');
      await p.app.services.roles.assign(admin, { userId: p.ids.carol, role: 'approver', scopeType: 'global' });
      await p.app.services.roles.assign(admin, { userId: p.ids.dave, role: 'approver', scopeType: 'category', scopeId: cats.IT ?? '' });
      // Grants are read at sign-in.
      p.as.carol = await p.app.login('carol@bakery.example');
      p.as.dave = await p.app.login('dave@bakery.example');
      ideaId = (await submitIdea(p.as.alice, cats.Finance ?? '', { teamId: p.financeId })).id;
      itIdea = (
        await submitIdea(p.as.zoe, cats.IT ?? '', {
          name: 'Reset passwords for staff',
          description: 'The helpdesk resets passwords by hand.',
        })
      ).id;
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    const move = (who: keyof People['as'], id: string, phase: string, status: string, reason = 'because') =>
      p.as[who].request({ method: 'POST', url: `/api/v1/ideas/${id}/transitions`, payload: { phase, status, reason } });

    it('refuses a move without the role (403) and an illegal move (409), changing nothing', async () => {
      const before = await ideaState(p);
      const member = await move('zoe', ideaId, 'assessment', 'awaiting_review');
      assert.equal(member.statusCode, 403, member.body);
      assert.equal((await move('bob', ideaId, 'assessment', 'awaiting_review')).statusCode, 403, 'builders do not review');
      assert.equal((await move('dave', ideaId, 'assessment', 'awaiting_review')).statusCode, 403, 'Dave approves in IT only');
      assert.equal((await move('vic', ideaId, 'assessment', 'awaiting_review')).statusCode, 403);
      const skip = await move('carol', ideaId, 'qualification', 'awaiting_review');
      assert.equal(skip.statusCode, 409);
      assert.equal(skip.json().error.code, 'IDEA_TRANSITION_INVALID');
      assert.equal((await move('carol', ideaId, 'build', 'approved')).statusCode, 409, 'Build takes progress statuses');
      const noReason = await move('carol', ideaId, 'assessment', 'awaiting_review', '');
      assert.equal(noReason.statusCode, 400);
      assert.deepEqual(await ideaState(p), before);
    });

    it('lists the decision queue of each approver: everything for Carol, IT only for Dave, nothing for members', async () => {
      const queue = async (who: keyof People['as']) =>
        (await p.as[who].request({ method: 'GET', url: '/api/v1/ideas/decision-queue' }))
          .json()
          .items.map((i: { id: string }) => i.id)
          .sort();
      assert.deepEqual(await queue('carol'), [ideaId, itIdea].sort());
      assert.deepEqual(await queue('dave'), [itIdea]);
      assert.deepEqual(await queue('zoe'), []);
      assert.deepEqual(await queue('bob'), []);
    });

    it('moves an idea through the gate with the right roles, recording reasons, audit and notifications', async () => {
      assert.equal((await move('dave', itIdea, 'assessment', 'awaiting_review')).statusCode, 200, 'Dave may review in IT');
      const steps: [keyof People['as'], string, string, string][] = [
        ['carol', 'assessment', 'awaiting_review', 'review'],
        ['carol', 'qualification', 'awaiting_review', 'qualify'],
        ['erin', 'qualification', 'approved', 'qualify'],
      ];
      for (const [who, phase, status, action] of steps) {
        const res = await move(who, ideaId, phase, status, `${who} says ${phase}`);
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().action, action);
      }
      const history = (await p.as.zoe.request({ method: 'GET', url: `/api/v1/ideas/${ideaId}/transitions` })).json();
      assert.deepEqual(
        history.map((t: { action: string; reason: string }) => [t.action, t.reason]),
        [
          ['submit', 'Submitted'],
          ['review', 'carol says assessment'],
          ['qualify', 'carol says qualification'],
          ['qualify', 'erin says qualification'],
        ],
      );
      const audit = await handle.db
        .selectFrom('audit_events')
        .select('action')
        .where('object_id', '=', ideaId)
        .where('action', '=', 'idea.transition')
        .execute();
      assert.equal(audit.length, 3);
      const alice = (await p.as.alice.request({ method: 'GET', url: '/api/v1/notifications' })).json();
      assert.equal(alice.items.filter((n: { kind: string }) => n.kind === 'idea.transition').length, 3, 'the submitter follows her idea');
    });

    it('lets a builder claim the approved idea and link a workflow; a member may not', async () => {
      const before = await ideaState(p);
      assert.equal((await p.as.zoe.request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/claim` })).statusCode, 403);
      const notApproved = await p.as.bob.request({ method: 'POST', url: `/api/v1/ideas/${itIdea}/claim` });
      assert.equal(notApproved.json().error.code, 'IDEA_NOT_CLAIMABLE');
      assert.deepEqual(await ideaState(p), before);
      const claimed = await p.as.bob.request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/claim` });
      assert.equal(claimed.statusCode, 200, claimed.body);
      assert.equal(claimed.json().builder.name, 'bob');
      const wf = await p.as.bob.request({
        method: 'POST',
        url: '/api/v1/workflows',
        payload: {
          name: 'Invoice intake',
          definition: { schemaVersion: 1, nodes: [{ id: 'start', type: 'trigger.manual', name: 'Start' }], edges: [] },
        },
      });
      const linked = await p.as.bob.request({
        method: 'POST',
        url: `/api/v1/ideas/${ideaId}/workflows`,
        payload: { workflowId: wf.json().id },
      });
      assert.equal(linked.statusCode, 200, linked.body);
      assert.deepEqual(
        linked.json().workflows.map((w: { name: string }) => w.name),
        ['Invoice intake'],
      );
      const twice = await p.as.bob.request({
        method: 'POST',
        url: `/api/v1/ideas/${ideaId}/workflows`,
        payload: { workflowId: wf.json().id },
      });
      assert.equal(twice.json().error.code, 'IDEA_WORKFLOW_LINKED');
      const unknown = await p.as.bob.request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/workflows`, payload: { workflowId: 'nope' } });
      assert.deepEqual(
        unknown.json().error.details.issues.map((i: { path: string }) => i.path),
        ['workflowId'],
      );
    });

    it('lets builders move delivery, approvers take it live, and only programme managers send back', async () => {
      assert.equal((await move('carol', ideaId, 'analysis', 'on_track')).statusCode, 403, 'approvers do not plan');
      for (const [phase, status] of [
        ['analysis', 'on_track'],
        ['design', 'on_track'],
        ['build', 'on_track'],
        ['build', 'at_risk'],
        ['test', 'on_track'],
      ]) {
        const res = await move('bob', ideaId, phase ?? '', status ?? '');
        assert.equal(res.statusCode, 200, `${phase}/${status}: ${res.body}`);
      }
      assert.equal((await move('bob', ideaId, 'build', 'on_track')).statusCode, 403, 'builders do not send back');
      assert.equal((await move('bob', ideaId, 'live', 'on_track')).statusCode, 403, 'builders do not take it live');
      const gated = await move('carol', ideaId, 'live', 'on_track');
      assert.equal(gated.json().error?.code, 'IDEA_REVIEWS_PENDING', 'Live waits for the business and technical reviews');
      await passReviews(ideaId, { builder: p.as.bob, approver: p.as.carol, reviewer: p.as.erin });
      assert.equal((await move('carol', ideaId, 'live', 'on_track')).statusCode, 200);
      const idea = (await p.as.alice.request({ method: 'GET', url: `/api/v1/ideas/${ideaId}` })).json();
      assert.deepEqual([idea.phase, idea.status], ['live', 'on_track']);
    });

    it('follows per-category rules set by an administrator', async () => {
      const denied = await p.as.erin.request({
        method: 'PUT',
        url: `/api/v1/idea-categories/${cats.HR}/rules`,
        payload: { rules: { review: ['builder'] } },
      });
      assert.equal(denied.statusCode, 403, 'programme managers do not manage categories');
      const hrIdea = (await submitIdea(p.as.zoe, cats.HR ?? '', { name: 'Sick notes', description: 'Sick notes arrive on paper.' })).id;
      await p.app.services.ideaCategories.setRules(cliActor('test'), cats.HR ?? '', { review: ['builder'] });
      assert.equal((await move('carol', hrIdea, 'assessment', 'awaiting_review')).statusCode, 403, 'in HR, approvers no longer review');
      assert.equal((await move('bob', hrIdea, 'assessment', 'awaiting_review')).statusCode, 200, 'builders do');
      const listed = (await p.as.vic.request({ method: 'GET', url: '/api/v1/idea-categories' })).json();
      assert.deepEqual(listed.find((c: { name: string }) => c.name === 'HR').rules.review, ['builder']);
    });

    it('lets the submitter withdraw a new idea, and nothing moves it afterwards', async () => {
      const id = (await submitIdea(p.as.zoe, cats.IT ?? '', { name: 'Printer toner orders', description: 'Order toner when low.' })).id;
      assert.equal((await move('alice', id, 'idea', 'archived')).statusCode, 403, 'not her idea');
      assert.equal((await move('zoe', id, 'idea', 'archived', 'solved otherwise')).statusCode, 200);
      const res = await move('erin', id, 'assessment', 'awaiting_review');
      assert.equal(res.statusCode, 409);
    });

    it('pages the table by keyset, sorted and filtered', async () => {
      const page1 = (await p.as.vic.request({ method: 'GET', url: '/api/v1/ideas?sort=name&order=asc&limit=2' })).json();
      assert.equal(page1.items.length, 2);
      const page2 = (
        await p.as.vic.request({ method: 'GET', url: `/api/v1/ideas?sort=name&order=asc&limit=2&cursor=${page1.nextCursor}` })
      ).json();
      const names = [...page1.items, ...page2.items].map((i: { name: string }) => i.name);
      assert.deepEqual(names, [...names].sort());
      assert.equal(new Set(names).size, names.length);
      const live = (await p.as.vic.request({ method: 'GET', url: '/api/v1/ideas?phase=live' })).json();
      assert.deepEqual(
        live.items.map((i: { id: string }) => i.id),
        [ideaId],
      );
      const it = (await p.as.vic.request({ method: 'GET', url: `/api/v1/ideas?categoryId=${cats.IT}&status=archived` })).json();
      assert.equal(it.items.length, 1);
    });
  });
}
