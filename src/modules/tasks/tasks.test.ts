import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import {
  createPeople,
  outputOf,
  type People,
  parkedTask,
  publish,
  runEnded,
  signInAgain,
  start,
  taskState,
} from './testing/tasks-fixture.ts';

const paid = { id: 'paid', type: 'logic.transform', name: 'Paid', config: { expression: '{ "paid": true }' } };
const refused = { id: 'refused', type: 'logic.transform', name: 'Refused', config: { expression: '{ "paid": false }' } };
const branches = [
  { from: 'approve', to: 'paid', kind: 'branch', condition: 'approved' },
  { from: 'approve', to: 'refused' },
];

function approval(config: Record<string, unknown>) {
  return { id: 'approve', type: 'human.approval', name: 'Approve invoice', config: { title: 'Pay invoice {{ number }}', ...config } };
}

for (const { dialect, skip } of testDialects()) {
  describe(`approvals and the task inbox [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    const post = (who: keyof People['as'], url: string, payload: unknown = {}) =>
      p.as[who].request({ method: 'POST', url, payload: payload as object });
    const get = (who: keyof People['as'], url: string) => p.as[who].request({ method: 'GET', url });

    it('needs two of four approvals (N of M): the first leaves it open, the second continues the run', async () => {
      const wf = await publish(
        p,
        'Invoices 2 of 3',
        [approval({ assignees: [{ team: 'Finance' }], policy: 'n_of_m', n: 2 }), paid, refused],
        [{ from: 'start', to: 'approve' }, ...branches],
      );
      const runId = await start(p, wf, { number: 'INV-7' });
      const taskId = await parkedTask(p, runId);

      const counts = await get('alice', '/api/v1/tasks/counts');
      assert.equal(counts.statusCode, 200, counts.body);
      assert.deepEqual(counts.json(), { inbox: 1, mine: 0, team: 1, overdue: 0, byKind: { approval: 1, form: 0, task: 0, exception: 0 } });
      const list = await get('alice', '/api/v1/tasks');
      assert.deepEqual(
        list
          .json()
          .items.map((t: { id: string; title: string; eligible: number; required: number }) => [t.id, t.title, t.required, t.eligible]),
        [[taskId, 'Pay invoice INV-7', 2, 4]],
        'Bob started the run, so Alice, Carol, Dave and Erin (the manager) may decide',
      );

      const first = await post('alice', `/api/v1/tasks/${taskId}/approve`, { comment: 'Checked the amounts' });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().status, 'open');
      assert.equal(first.json().votesNeeded, 1);
      assert.equal(
        (await handle.db.selectFrom('runs').select('status').where('id', '=', runId).executeTakeFirstOrThrow()).status,
        'waiting',
      );

      const second = await post('carol', `/api/v1/tasks/${taskId}/approve`, { comment: '' });
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().status, 'done');
      assert.equal(second.json().outcome, 'approved');
      assert.equal((await runEnded(p, runId)).status, 'succeeded');
      const out = (await outputOf(p, runId, 'approve')) as {
        decision: string;
        approved: boolean;
        deciders: { id: string }[];
        comments: { comment: string }[];
      };
      assert.equal(out.decision, 'approved');
      assert.equal(out.approved, true);
      assert.deepEqual(
        out.deciders.map((d) => d.id),
        [p.ids.alice, p.ids.carol],
      );
      assert.deepEqual(
        out.comments.map((c) => c.comment),
        ['Checked the amounts'],
      );
      assert.deepEqual(await outputOf(p, runId, 'paid'), { paid: true });
      const audit = await handle.db
        .selectFrom('audit_events')
        .select(['action', 'actor_id'])
        .where('object_id', '=', taskId)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['task.open', 'task.approve', 'task.approve'],
      );
      assert.equal((await get('alice', '/api/v1/tasks/counts')).json().inbox, 0, 'the task left the inbox');
    });

    it('rejects N of M once N can no longer be reached', async () => {
      const wf = await publish(
        p,
        'Invoices 3 of 4 rejected',
        [approval({ assignees: [{ team: 'Finance' }], policy: 'n_of_m', n: 3 }), paid, refused],
        [{ from: 'start', to: 'approve' }, ...branches],
      );
      const runId = await start(p, wf, { number: 'INV-8' });
      const taskId = await parkedTask(p, runId);
      assert.equal((await post('alice', `/api/v1/tasks/${taskId}/reject`, { comment: 'Wrong supplier' })).json().status, 'open');
      const second = await post('dave', `/api/v1/tasks/${taskId}/reject`, { comment: 'Agree' });
      assert.equal(second.json().outcome, 'rejected', second.body);
      await runEnded(p, runId);
      assert.deepEqual(await outputOf(p, runId, 'refused'), { paid: false });
      const skipped = await handle.db
        .selectFrom('run_steps')
        .select('status')
        .where('run_id', '=', runId)
        .where('node_id', '=', 'paid')
        .executeTakeFirstOrThrow();
      assert.equal(skipped.status, 'skipped', 'the approved branch was skipped');
    });

    it('refuses self-approval, approving twice, a non-assignee and a viewer with clear codes, changing nothing', async () => {
      const wf = await publish(
        p,
        'Invoices any',
        [approval({ assignees: [{ team: 'Finance' }] }), paid, refused],
        [{ from: 'start', to: 'approve' }, ...branches],
      );
      const runId = await start(p, wf, { number: 'INV-9' });
      const taskId = await parkedTask(p, runId);
      const before = await taskState(p);

      const self = await post('bob', `/api/v1/tasks/${taskId}/approve`);
      assert.equal(self.statusCode, 403, self.body);
      assert.equal(self.json().error.code, 'TASK_SELF_APPROVAL');
      const outsider = await post('zoe', `/api/v1/tasks/${taskId}/approve`);
      assert.equal(outsider.statusCode, 403);
      assert.equal(outsider.json().error.code, 'TASK_NOT_ASSIGNEE');
      const viewer = await post('vic', `/api/v1/tasks/${taskId}/approve`);
      assert.equal(viewer.statusCode, 403);
      assert.equal(viewer.json().error.code, 'FORBIDDEN');
      const unknown = await post('alice', '/api/v1/tasks/no-such-task/approve');
      assert.equal(unknown.json().error.code, 'NOT_FOUND');
      assert.deepEqual(await taskState(p), before, 'refused decisions leave no trace');

      assert.equal((await post('alice', `/api/v1/tasks/${taskId}/approve`)).statusCode, 200);
      await runEnded(p, runId);
      const settled = await taskState(p);
      const twice = await post('alice', `/api/v1/tasks/${taskId}/approve`);
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().error.code, 'TASK_ALREADY_DECIDED');
      const late = await post('carol', `/api/v1/tasks/${taskId}/reject`);
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'TASK_CLOSED');
      const wrongKind = await post('carol', `/api/v1/tasks/${taskId}/complete`, { data: {} });
      assert.equal(wrongKind.json().error.code, 'TASK_ACTION_INVALID');
      assert.deepEqual(await taskState(p), settled);
    });

    it('times out with the chosen outcome when nobody decides; deciding afterwards is TASK_EXPIRED', async () => {
      const wf = await publish(
        p,
        'Invoices timeout',
        [approval({ assignees: [{ user: 'alice@bakery.example' }], timeout: '2d', onTimeout: 'approve' }), paid, refused],
        [{ from: 'start', to: 'approve' }, ...branches],
      );
      const runId = await start(p, wf, { number: 'INV-10' });
      const taskId = await parkedTask(p, runId);
      assert.equal((await get('alice', `/api/v1/tasks/${taskId}`)).json().expiresAt, '2026-11-26T08:00:00.000Z');
      p.app.clock.advance(47 * 3_600_000);
      assert.equal((await p.app.services.taskScheduler.tick()).expired, 0, 'not yet');
      p.app.clock.advance(2 * 3_600_000);
      await signInAgain(p);
      const report = await p.app.services.taskScheduler.tick();
      assert.equal(report.expired, 1);
      await runEnded(p, runId);
      const out = (await outputOf(p, runId, 'approve')) as { decision: string; timedOut: boolean };
      assert.equal(out.decision, 'approved');
      assert.equal(out.timedOut, true);
      const before = await taskState(p);
      const late = await post('alice', `/api/v1/tasks/${taskId}/approve`);
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'TASK_EXPIRED');
      assert.deepEqual(await taskState(p), before);
    });

    it('escalates to the team’s managers when the SLA is breached (injected clock); the manager’s decision settles it', async () => {
      const wf = await publish(
        p,
        'Invoices SLA',
        [
          approval({
            assignees: [{ user: 'alice@bakery.example' }, { user: 'carol@bakery.example' }],
            policy: 'all',
            sla: '4h',
            escalateTo: [{ managersOf: 'Finance' }],
          }),
          paid,
          refused,
        ],
        [{ from: 'start', to: 'approve' }, ...branches],
      );
      const runId = await start(p, wf, { number: 'INV-11' });
      const taskId = await parkedTask(p, runId);
      assert.equal((await post('erin', `/api/v1/tasks/${taskId}/approve`)).json().error.code, 'TASK_NOT_ASSIGNEE', 'not before the SLA');
      const erinBefore = (await get('erin', '/api/v1/tasks/counts')).json();
      assert.equal((await post('alice', `/api/v1/tasks/${taskId}/approve`)).json().status, 'open', 'all: Carol must approve too');
      p.app.clock.advance(3 * 3_600_000);
      assert.equal((await p.app.services.taskScheduler.tick()).escalated, 0);
      p.app.clock.advance(2 * 3_600_000);
      assert.equal((await p.app.services.taskScheduler.tick()).escalated, 1);
      await signInAgain(p);
      const erinCounts = (await get('erin', '/api/v1/tasks/counts')).json();
      assert.equal(erinCounts.inbox, erinBefore.inbox + 1, 'escalated into Erin’s inbox');
      assert.equal(erinCounts.overdue, erinBefore.overdue + 1);
      const overdue = (await get('erin', '/api/v1/tasks?due=overdue')).json().items;
      assert.ok(overdue.some((t: { id: string }) => t.id === taskId));
      const view = (await get('erin', `/api/v1/tasks/${taskId}`)).json();
      assert.equal(view.overdue, true);
      assert.ok(view.escalatedAt);
      assert.deepEqual(view.actions.sort(), ['approve', 'reassign', 'reject']);
      const decided = await post('erin', `/api/v1/tasks/${taskId}/approve`, { comment: 'Overdue; approving' });
      assert.equal(decided.json().outcome, 'approved');
      await runEnded(p, runId);
      assert.deepEqual(await outputOf(p, runId, 'paid'), { paid: true });
      const actions = await handle.db.selectFrom('audit_events').select('action').where('object_id', '=', taskId).orderBy('id').execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ['task.open', 'task.approve', 'task.escalate', 'task.approve'],
      );
      assert.equal((await p.app.services.taskScheduler.tick()).escalated, 0, 'escalated once');
    });

    it('lets a stand-in decide for someone away (out of office), as their vote', async () => {
      const zoeBefore = (await get('zoe', '/api/v1/tasks/counts')).json();
      const made = await post('alice', '/api/v1/tasks/delegations', {
        delegate: 'zoe@bakery.example',
        endsAt: '2026-12-01T00:00:00.000Z',
        note: 'holiday',
      });
      assert.equal(made.statusCode, 201, made.body);
      assert.equal(made.json().active, true);
      const wf = await publish(
        p,
        'Invoices for Alice',
        [approval({ assignees: [{ user: 'alice@bakery.example' }] }), paid, refused],
        [{ from: 'start', to: 'approve' }, ...branches],
      );
      const runId = await start(p, wf, { number: 'INV-12' });
      const taskId = await parkedTask(p, runId);
      assert.equal((await get('zoe', '/api/v1/tasks/counts')).json().mine, zoeBefore.mine + 1);
      assert.ok((await get('zoe', '/api/v1/tasks?view=mine')).json().items.some((t: { id: string }) => t.id === taskId));
      const decided = await post('zoe', `/api/v1/tasks/${taskId}/approve`, { comment: 'For Alice' });
      assert.equal(decided.statusCode, 200, decided.body);
      const decision = decided.json().decisions[0];
      assert.equal(decision.decider.id, p.ids.alice);
      assert.equal(decision.onBehalf, true);
      assert.match(decision.actorLabel, /zoe/);
      await runEnded(p, runId);
      assert.equal(
        ((await outputOf(p, runId, 'approve')) as { deciders: { id: string; onBehalfOf: string }[] }).deciders[0]?.onBehalfOf,
        p.ids.alice,
      );

      const cancelled = await post('alice', `/api/v1/tasks/delegations/${made.json().id}/cancel`);
      assert.equal(cancelled.json().active, false);
      const run2 = await start(p, wf, { number: 'INV-13' });
      const task2 = await parkedTask(p, run2);
      assert.equal((await post('zoe', `/api/v1/tasks/${task2}/approve`)).json().error.code, 'TASK_NOT_ASSIGNEE', 'Alice is back');
      assert.equal((await post('alice', `/api/v1/tasks/${task2}/approve`)).statusCode, 200);
      await runEnded(p, run2);
      const bad = await post('alice', '/api/v1/tasks/delegations', {
        delegate: 'alice@bakery.example',
        endsAt: '2026-12-01T00:00:00.000Z',
      });
      assert.equal(bad.json().error.code, 'DELEGATION_INVALID');
    });

    it('claims keep colleagues off; managers reassign; bulk approve reports each task', async () => {
      const wf = await publish(
        p,
        'Invoices claim',
        [approval({ assignees: [{ team: 'Finance' }] }), paid, refused],
        [{ from: 'start', to: 'approve' }, ...branches],
      );
      const runA = await start(p, wf, { number: 'A' });
      const taskA = await parkedTask(p, runA);
      assert.equal((await post('alice', `/api/v1/tasks/${taskA}/claim`)).json().status, 'claimed');
      assert.equal((await post('carol', `/api/v1/tasks/${taskA}/approve`)).json().error.code, 'TASK_CLAIMED');
      assert.ok(
        (await get('alice', '/api/v1/tasks?view=mine')).json().items.some((t: { id: string }) => t.id === taskA),
        'a claimed task is mine',
      );
      assert.ok(!(await get('carol', '/api/v1/tasks?view=mine')).json().items.some((t: { id: string }) => t.id === taskA));
      assert.equal((await post('alice', `/api/v1/tasks/${taskA}/unclaim`)).json().status, 'open');

      const moved = await post('erin', `/api/v1/tasks/${taskA}/reassign`, {
        to: [{ user: 'zoe@bakery.example' }],
        comment: 'Zoe knows this supplier',
      });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.deepEqual(
        moved.json().assignees.map((a: { label: string }) => a.label),
        ['zoe'],
      );
      assert.equal(
        (await post('alice', `/api/v1/tasks/${taskA}/reassign`, { to: [{ user: 'alice@bakery.example' }] })).json().error.code,
        'FORBIDDEN',
      );
      assert.equal((await post('alice', `/api/v1/tasks/${taskA}/approve`)).json().error.code, 'TASK_NOT_ASSIGNEE');

      const runB = await start(p, wf, { number: 'B' });
      const taskB = await parkedTask(p, runB);
      const bulk = await post('zoe', '/api/v1/tasks/bulk-approve', { ids: [taskA, taskB], comment: 'ok' });
      assert.deepEqual(
        bulk.json().results.map((r: { id: string; ok: boolean; code: string | null }) => [r.id, r.ok, r.code]),
        [
          [taskA, true, null],
          [taskB, false, 'TASK_NOT_ASSIGNEE'],
        ],
      );
      assert.equal((await post('dave', '/api/v1/tasks/bulk-approve', { ids: [taskB] })).json().results[0].ok, true);
      await runEnded(p, runA);
      await runEnded(p, runB);
      const all = await get('erin', '/api/v1/tasks?view=all&status=closed&limit=200');
      assert.ok(all.json().items.some((t: { id: string }) => t.id === taskA));
      assert.equal((await get('alice', '/api/v1/tasks?view=all')).json().error.code, 'FORBIDDEN');
    });

    it('cancels the open task when its run is cancelled; deciding it then is TASK_CANCELLED', async () => {
      const wf = await publish(
        p,
        'Invoices cancel',
        [approval({ assignees: [{ team: 'Finance' }] }), paid, refused],
        [{ from: 'start', to: 'approve' }, ...branches],
      );
      const runId = await start(p, wf, { number: 'C' });
      const taskId = await parkedTask(p, runId);
      assert.equal((await post('bob', `/api/v1/runs/${runId}/cancel`)).statusCode, 204);
      assert.equal((await runEnded(p, runId)).status, 'cancelled');
      const deadline = Date.now() + 5000;
      while (
        (await handle.db.selectFrom('tasks').select('status').where('id', '=', taskId).executeTakeFirstOrThrow()).status !== 'cancelled'
      ) {
        if (Date.now() > deadline) throw new Error('task not cancelled');
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.equal((await post('alice', `/api/v1/tasks/${taskId}/approve`)).json().error.code, 'TASK_CANCELLED');
    });

    it('shows a team’s programme manager every task of the team’s workflows, and no others', async () => {
      const wf = await publish(
        p,
        'Team invoices',
        [approval({ assignees: [{ user: 'alice@bakery.example' }] }), paid, refused],
        [{ from: 'start', to: 'approve' }, ...branches],
      );
      await handle.db.updateTable('workflows').set({ team_id: p.financeId }).where('id', '=', wf).execute();
      const other = await publish(
        p,
        'Other invoices',
        [approval({ assignees: [{ user: 'alice@bakery.example' }] }), paid, refused],
        [{ from: 'start', to: 'approve' }, ...branches],
      );
      const mine = await parkedTask(p, await start(p, wf, { number: 'T-1' }));
      const theirs = await parkedTask(p, await start(p, other, { number: 'T-2' }));
      const patId = await p.app.createUser('pat@bakery.example');
      await p.app.services.roles.assign(cliActor('test'), {
        userId: patId,
        role: 'programme_manager',
        scopeType: 'team',
        scopeId: p.financeId,
      });
      const pat = await p.app.login('pat@bakery.example');
      const ids = (await pat.request({ method: 'GET', url: '/api/v1/tasks?view=all' })).json().items.map((t: { id: string }) => t.id);
      assert.ok(ids.includes(mine));
      assert.ok(!ids.includes(theirs));
      assert.equal((await pat.request({ method: 'GET', url: `/api/v1/tasks/${mine}` })).statusCode, 200);
      assert.equal((await pat.request({ method: 'GET', url: `/api/v1/tasks/${theirs}` })).json().error.code, 'FORBIDDEN');
    });

    it('fails the step with ASSIGNEE_UNKNOWN when nobody can decide', async () => {
      const wf = await publish(
        p,
        'Invoices nobody',
        [approval({ assignees: [{ user: 'ghost@bakery.example' }] })],
        [{ from: 'start', to: 'approve' }],
      );
      const run = await runEnded(p, await start(p, wf, {}));
      assert.equal(run.status, 'failed');
      assert.equal(JSON.parse(run.error_json ?? '{}').code, 'ASSIGNEE_UNKNOWN');
      const wf2 = await publish(
        p,
        'Invoices too few',
        [approval({ assignees: [{ user: 'alice@bakery.example' }], policy: 'n_of_m', n: 2 })],
        [{ from: 'start', to: 'approve' }],
      );
      const run2 = await runEnded(p, await start(p, wf2, {}));
      assert.match(JSON.parse(run2.error_json ?? '{}').message, /needs 2 approvals but only 1/);
    });
  });
}
