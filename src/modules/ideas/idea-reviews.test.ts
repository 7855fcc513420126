import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitForRun } from '../../engine/testing/engine-fixture.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { createPeople, type People, trigger } from '../tasks/testing/tasks-fixture.ts';
import { categoryIds, ideaState, submitIdea } from './testing/ideas-fixture.ts';

/**
 * Bob builds the idea (he claims it), Carol approves (business), Dave is another builder and
 * Erin a programme manager (both may take the technical review); Zoe is a member.
 */
for (const { dialect, skip } of testDialects()) {
  describe(`ideas: business and technical review before Live [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let ideaId = '';
    let workflowId = '';
    type Who = keyof People['as'];

    const reviews = async (who: Who = 'bob') => {
      const res = await p.as[who].request({ method: 'GET', url: `/api/v1/ideas/${ideaId}/reviews` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const submit = (who: Who, kind: string) =>
      p.as[who].request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/reviews`, payload: { kind, note: 'please look' } });
    const decide = (who: Who, kind: string, decision: string, note?: string) =>
      p.as[who].request({
        method: 'POST',
        url: `/api/v1/ideas/${ideaId}/reviews/${kind}/decision`,
        payload: note === undefined ? { decision } : { decision, note },
      });
    const check = (who: Who, item: string, payload: Record<string, unknown>) =>
      p.as[who].request({ method: 'PUT', url: `/api/v1/ideas/${ideaId}/reviews/technical/checks/${item}`, payload });
    const move = (who: Who, phase: string, status: string) =>
      p.as[who].request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/transitions`, payload: { phase, status, reason: 'next' } });
    const reviewRows = async () =>
      Number(
        (
          await handle.db
            .selectFrom('idea_reviews')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const item = (state: { checklist: { item: string; auto: { pass: boolean | null; why: string[] }; state: string }[] }, key: string) =>
      state.checklist.find((c) => c.item === key) as { auto: { pass: boolean | null; why: string[] }; state: string };
    const kinds = async (who: Who) =>
      (await p.as[who].request({ method: 'GET', url: '/api/v1/notifications' })).json().items.map((n: { kind: string }) => n.kind);

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
      const cats = await categoryIds(p);
      const admin = cliActor('test');
      await p.app.services.roles.assign(admin, { userId: p.ids.carol, role: 'approver', scopeType: 'global' });
      await p.app.services.roles.assign(admin, { userId: p.ids.dave, role: 'builder', scopeType: 'global' });
      p.as.carol = await p.app.login('carol@bakery.example');
      p.as.dave = await p.app.login('dave@bakery.example');
      ideaId = (await submitIdea(p.as.alice, cats.Finance ?? '', { teamId: p.financeId })).id;
      for (const [who, phase, status] of [
        ['carol', 'assessment', 'awaiting_review'],
        ['carol', 'qualification', 'awaiting_review'],
        ['carol', 'qualification', 'approved'],
      ] as const)
        assert.equal((await move(who, phase, status)).statusCode, 200);
      assert.equal((await p.as.bob.request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/claim` })).statusCode, 200);
      for (const phase of ['analysis', 'design', 'build']) assert.equal((await move('bob', phase, 'on_track')).statusCode, 200);
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    it('creates a draft workflow named after the idea for its builder only, owned by the idea’s team, and links it', async () => {
      assert.equal((await submit('bob', 'business')).json().error.code, 'IDEA_REVIEW_NO_WORKFLOW', 'nothing linked yet');
      const before = await ideaState(p);
      const byDave = await p.as.dave.request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/workflows/new`, payload: {} });
      assert.equal(byDave.statusCode, 403);
      assert.equal(byDave.json().error.code, 'IDEA_NOT_BUILDER', 'another builder did not claim it');
      assert.equal((await p.as.zoe.request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/workflows/new`, payload: {} })).statusCode, 403);
      assert.deepEqual(await ideaState(p), before);
      const created = await p.as.bob.request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/workflows/new`, payload: {} });
      assert.equal(created.statusCode, 201, created.body);
      workflowId = created.json().id;
      const wf = (await p.as.bob.request({ method: 'GET', url: `/api/v1/workflows/${workflowId}` })).json();
      assert.deepEqual([wf.name, wf.status, wf.teamId], ['Copy supplier invoices into accounting', 'draft', p.financeId]);
      const state = await reviews();
      assert.deepEqual(
        state.workflows.map((w: { id: string }) => w.id),
        [workflowId],
      );
      assert.equal(state.can.submitBusiness, true);
      assert.equal(item(state, 'test_runs').auto.pass, false, 'a draft has no published version to have test runs');
    });

    it('refuses a technical review before the business one and submissions by others, changing nothing', async () => {
      const before = [await ideaState(p), await reviewRows()];
      assert.equal((await submit('bob', 'technical')).json().error.code, 'IDEA_REVIEW_OUT_OF_ORDER');
      assert.equal((await submit('dave', 'business')).json().error.code, 'IDEA_NOT_BUILDER');
      assert.equal((await submit('zoe', 'business')).statusCode, 403);
      assert.deepEqual([await ideaState(p), await reviewRows()], before);
    });

    it('runs the business review: approvers only, never the builder; changes requested start a new round', async () => {
      const submitted = await submit('bob', 'business');
      assert.equal(submitted.statusCode, 200, submitted.body);
      assert.equal(submitted.json().business.status, 'pending');
      assert.equal((await submit('bob', 'business')).json().error.code, 'IDEA_REVIEW_IN_PROGRESS');
      assert.ok((await kinds('carol')).includes('idea.review.submit'), 'the approver is told');
      const before = [await ideaState(p), await reviewRows()];
      const own = await decide('bob', 'business', 'approve');
      assert.equal(own.statusCode, 403);
      assert.equal(own.json().error.code, 'IDEA_REVIEW_FOUR_EYES');
      assert.equal((await decide('dave', 'business', 'approve')).statusCode, 403, 'builders do not decide business reviews');
      assert.equal((await decide('zoe', 'business', 'approve')).statusCode, 403);
      const noNote = await decide('carol', 'business', 'request_changes');
      assert.equal(noNote.statusCode, 400);
      assert.deepEqual(
        noNote.json().error.details.issues.map((i: { path: string }) => i.path),
        ['note'],
      );
      assert.deepEqual([await ideaState(p), await reviewRows()], before);

      const back = await decide('carol', 'business', 'request_changes', 'Also handle credit notes.');
      assert.equal(back.json().business.status, 'changes_requested');
      assert.ok((await kinds('bob')).includes('idea.review.decide'), 'the builder is told');
      const again = (await submit('bob', 'business')).json();
      assert.deepEqual([again.business.round, again.business.status], [2, 'pending']);
      const approved = (await decide('carol', 'business', 'approve', 'Does what the idea asked.')).json();
      assert.equal(approved.business.status, 'approved');
      assert.deepEqual(
        approved.history.map((r: { kind: string; round: number; status: string }) => `${r.kind}#${r.round}:${r.status}`),
        ['business#2:approved', 'business#1:changes_requested'],
      );
    });

    it('refuses to go Live while the technical review is not approved (409), changing nothing', async () => {
      assert.equal((await move('bob', 'test', 'on_track')).statusCode, 200);
      const before = await ideaState(p);
      const res = await move('carol', 'live', 'on_track');
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'IDEA_REVIEWS_PENDING');
      assert.deepEqual(res.json().error.details, { business: 'approved', technical: 'not_submitted' });
      assert.deepEqual(await ideaState(p), before);
    });

    it('checks the linked workflow automatically: error handling, credentials, owner, test runs of the published version', async () => {
      const http = {
        id: 'fetch',
        type: 'connector.http.request',
        name: 'Fetch rates',
        config: { url: 'https://example.com', credentialId: 'nope' },
      };
      const save = async (nodes: unknown[], edges: unknown[] = []) => {
        const saved = await p.as.bob.request({
          method: 'PUT',
          url: `/api/v1/workflows/${workflowId}`,
          payload: { definition: { schemaVersion: 1, nodes: [trigger, ...nodes], edges } },
        });
        assert.equal(saved.statusCode, 200, saved.body);
        const published = await p.as.bob.request({
          method: 'POST',
          url: `/api/v1/workflows/${workflowId}/publish`,
          payload: { note: 'v' },
        });
        assert.equal(published.statusCode, 200, published.body);
      };
      await save([http], [{ from: 'start', to: 'fetch' }]);
      assert.equal((await submit('bob', 'technical')).statusCode, 200);
      let state = await reviews('dave');
      assert.equal(item(state, 'error_handling').auto.pass, false);
      assert.match(item(state, 'error_handling').auto.why.join(), /"Fetch rates" \(connector\.http\.request\) has no retry policy/);
      assert.equal(item(state, 'credentials').auto.pass, false);
      assert.match(item(state, 'credentials').auto.why.join(), /names credential nope, which does not exist/);
      assert.equal(item(state, 'owner').auto.pass, true);
      assert.equal(item(state, 'data_class').auto.pass, null);

      const withRetry = { ...http, retry: { maxAttempts: 3 }, config: { url: 'https://example.com' } };
      await save([withRetry], [{ from: 'start', to: 'fetch' }]);
      state = await reviews('dave');
      assert.equal(item(state, 'error_handling').auto.pass, true);
      assert.equal(item(state, 'credentials').auto.pass, true);

      await save(
        [{ id: 'shape', type: 'logic.transform', name: 'Shape', config: { expression: '{"ok": true}' } }],
        [{ from: 'start', to: 'shape' }],
      );
      state = await reviews('dave');
      assert.match(item(state, 'test_runs').auto.why.join(), /0 succeeded run\(s\) of version 3, needs 3/);
      const failing = await check('dave', 'test_runs', { decision: 'confirm' });
      assert.equal(failing.json().error.code, 'IDEA_REVIEW_CHECK_FAILING');
      for (let i = 0; i < 3; i++) {
        const run = await p.as.bob.request({ method: 'POST', url: `/api/v1/workflows/${workflowId}/runs`, payload: { input: {} } });
        assert.equal(run.statusCode, 202, run.body);
        assert.equal((await waitForRun(handle, run.json().runId)).status, 'succeeded');
      }
      state = await reviews('dave');
      assert.equal(item(state, 'test_runs').auto.pass, true, item(state, 'test_runs').auto.why.join());
      assert.equal(state.workflows[0].succeededRuns, 3);
    });

    it('needs every item confirmed or waived, by a manager or another builder, never the idea’s builder', async () => {
      const before = [await ideaState(p), await reviewRows()];
      assert.equal((await check('bob', 'owner', { decision: 'confirm' })).json().error.code, 'IDEA_REVIEW_FOUR_EYES');
      assert.equal((await check('carol', 'owner', { decision: 'confirm' })).statusCode, 403, 'approvers do not take technical reviews');
      assert.equal((await check('dave', 'owner', { decision: 'waive' })).statusCode, 400, 'a waiver needs a reason');
      assert.equal((await check('dave', 'data_class', { decision: 'confirm' })).statusCode, 400, 'pick the data class');
      const early = await decide('dave', 'technical', 'approve');
      assert.equal(early.json().error.code, 'IDEA_REVIEW_INCOMPLETE');
      assert.deepEqual(early.json().error.details.items, ['error_handling', 'credentials', 'data_class', 'owner', 'test_runs']);
      assert.deepEqual([await ideaState(p), await reviewRows()], before);

      for (const key of ['error_handling', 'credentials', 'owner'])
        assert.equal((await check('dave', key, { decision: 'confirm' })).statusCode, 200);
      await check('dave', 'data_class', { decision: 'confirm', dataClass: 'internal' });
      const sent = await decide('erin', 'technical', 'request_changes', 'Add an exception task for the fetch.');
      assert.equal(sent.json().technical.status, 'changes_requested');
      const round2 = (await submit('bob', 'technical')).json();
      assert.equal(round2.technical.round, 2);
      assert.equal(item(round2, 'owner').state, 'to_confirm', 'a new round starts with a fresh checklist');

      for (const key of ['error_handling', 'credentials', 'owner', 'test_runs'])
        assert.equal((await check('erin', key, { decision: 'confirm' })).statusCode, 200);
      const waived = await check('erin', 'data_class', { decision: 'waive', reason: 'Public rates only' });
      assert.equal(item(waived.json(), 'data_class').state, 'waived');
      const approved = await decide('erin', 'technical', 'approve', 'Ready.');
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().goLive.ok, true);
      assert.equal(item(approved.json(), 'data_class').state, 'waived', 'the approved round keeps its checklist');
    });

    it('lets the idea go Live once both reviews are approved, with the reviews in its history and audit log', async () => {
      assert.equal((await move('carol', 'live', 'on_track')).statusCode, 200);
      const history = (await p.as.zoe.request({ method: 'GET', url: `/api/v1/ideas/${ideaId}/transitions` })).json();
      const reviewsInHistory = history
        .filter((h: { action: string }) => h.action.endsWith('_review'))
        .map((h: { reason: string }) => h.reason);
      assert.equal(reviewsInHistory.length, 8, reviewsInHistory.join('\n'));
      assert.match(reviewsInHistory[1], /^Business review sent back: changes requested \(round 1\): Also handle credit notes\./);
      const audit = await handle.db
        .selectFrom('audit_events')
        .select('action')
        .where('object_id', '=', ideaId)
        .where('action', 'like', 'idea.review.%')
        .execute();
      assert.deepEqual([...new Set(audit.map((a) => a.action))].sort(), ['idea.review.check', 'idea.review.decide', 'idea.review.submit']);
    });

    it('answers bad input with field errors and unknown ideas with 404, and documents its routes in OpenAPI', async () => {
      const bad = [
        await p.as.bob.request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/reviews`, payload: { kind: 'legal' } }),
        await p.as.dave.request({
          method: 'POST',
          url: `/api/v1/ideas/${ideaId}/reviews/legal/decision`,
          payload: { decision: 'approve' },
        }),
        await p.as.dave.request({
          method: 'POST',
          url: `/api/v1/ideas/${ideaId}/reviews/business/decision`,
          payload: { decision: 'maybe' },
        }),
        await check('dave', 'colour', { decision: 'confirm' }),
        await check('dave', 'data_class', { decision: 'confirm', dataClass: 'secret' }),
      ];
      for (const res of bad) {
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      }
      assert.equal((await p.as.bob.request({ method: 'GET', url: '/api/v1/ideas/nope/reviews' })).statusCode, 404);
      const paths = (await p.app.server.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
      for (const path of [
        '/api/v1/ideas/{id}/reviews',
        '/api/v1/ideas/{id}/reviews/{kind}/decision',
        '/api/v1/ideas/{id}/reviews/technical/checks/{item}',
        '/api/v1/ideas/{id}/workflows/new',
      ])
        assert.ok(paths[path], path);
    });
  });
}
