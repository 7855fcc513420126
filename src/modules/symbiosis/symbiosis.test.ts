import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { createPeople, type People, parkedTask, publish, runEnded, start } from '../tasks/testing/tasks-fixture.ts';

const H = 3_600_000;

for (const { dialect, skip } of testDialects()) {
  describe(`symbiosis view [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let wf = '';
    let other = '';

    before(async () => {
      handle = await createTestDatabase(dialect);
      // A Wednesday: both runs fall in the current week.
      p = await createPeople(handle, '2026-11-25T08:00:00.000Z');
      wf = await publish(
        p,
        'Invoices',
        [
          {
            id: 'check',
            type: 'code.javascript',
            name: 'Check',
            config: { code: 'if (!input.ok) throw new Error("not ok"); return input;' },
            onFailure: 'task',
            exception: { assignees: [{ user: 'alice@bakery.example' }] },
          },
          {
            id: 'approve',
            type: 'human.approval',
            name: 'Approve',
            config: { title: 'Pay?', assignees: [{ user: 'alice@bakery.example' }], sla: '1h' },
          },
          { id: 'book', type: 'logic.transform', name: 'Book', config: { expression: '{ "booked": approved }' } },
        ],
        [
          { from: 'start', to: 'check' },
          { from: 'check', to: 'approve' },
          { from: 'approve', to: 'book' },
        ],
      );
      other = await publish(
        p,
        'Machine only',
        [{ id: 'x', type: 'logic.transform', name: 'X', config: { expression: '1' } }],
        [{ from: 'start', to: 'x' }],
      );

      // Run 1: approved 2 h after it asked (SLA 1 h: breached).
      const r1 = await start(p, wf, { ok: true });
      const t1 = await parkedTask(p, r1);
      p.app.clock.advance(2 * H);
      assert.equal((await p.as.alice.request({ method: 'POST', url: `/api/v1/tasks/${t1}/approve`, payload: {} })).statusCode, 200);
      await runEnded(p, r1);
      // Run 2: the check fails → exception, fixed 30 min later, then approved at once.
      const r2 = await start(p, wf, { ok: false });
      const e2 = await parkedTask(p, r2);
      p.app.clock.advance(H / 2);
      const fixed = await p.as.alice.request({
        method: 'POST',
        url: `/api/v1/tasks/${e2}/resolve`,
        payload: { action: 'retry', input: { ok: true } },
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      const t2 = await parkedTask(p, r2, 'approve');
      assert.equal((await p.as.alice.request({ method: 'POST', url: `/api/v1/tasks/${t2}/approve`, payload: {} })).statusCode, 200);
      await runEnded(p, r2);
      await runEnded(p, await start(p, other));
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    const view = async (query: string) => {
      const res = await p.as.bob.request({ method: 'GET', url: `/api/v1/symbiosis?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    it('splits a workflow’s steps and time between people and the machine, from its runs and tasks', async () => {
      const s = await view(`workflowId=${wf}&weeks=4`);
      assert.equal(s.scope, 'workflow');
      assert.equal(s.workflow.name, 'Invoices');
      assert.equal(s.weeks.length, 4);
      assert.equal(s.since, '2026-11-02T00:00:00.000Z');
      const t = s.totals;
      assert.equal(t.runs, 2);
      assert.equal(t.peopleSteps, 3, 'two approvals and one exception');
      assert.equal(t.exceptions, 1);
      assert.equal(t.exceptionsPer100Runs, 50);
      assert.equal(t.tasksClosed, 3);
      assert.equal(t.peopleMs, 2 * H + H / 2, 'the clock moved only while tasks were open');
      assert.equal(t.cycleP90Ms, 2 * H);
      assert.equal(t.slaTasks, 2, 'the approvals had a due time; the exception none');
      assert.equal(t.slaBreached, 1);
      assert.equal(t.slaBreachRate, 0.5);
      const steps = await handle.db
        .selectFrom('run_steps')
        .innerJoin('runs', 'runs.id', 'run_steps.run_id')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('runs.workflow_id', '=', wf)
        .where('run_steps.status', '!=', 'skipped')
        .executeTakeFirstOrThrow();
      assert.equal(t.machineSteps, Number(steps.n) - 2, 'every step row but the two approvals’');
      assert.equal(s.weeks.at(-1).runs, 2);
      assert.equal(s.weeks[0].runs, 0);
    });

    it('covers the whole programme (or a team) with a row per workflow, most people time first', async () => {
      const s = await view('weeks=2');
      assert.equal(s.scope, 'programme');
      assert.equal(s.totals.runs, 3);
      assert.deepEqual(
        s.workflows.map((w: { name: string; runs: number }) => [w.name, w.runs]),
        [
          ['Invoices', 2],
          ['Machine only', 1],
        ],
      );
      assert.equal(s.workflows[1].peopleStepShare, 0);
    });

    it('answers 404 for an unknown workflow or team and 400 for a bad period', async () => {
      assert.equal((await p.as.bob.request({ method: 'GET', url: '/api/v1/symbiosis?workflowId=nope' })).statusCode, 404);
      assert.equal((await p.as.bob.request({ method: 'GET', url: '/api/v1/symbiosis?teamId=nope' })).statusCode, 404);
      assert.equal((await p.as.bob.request({ method: 'GET', url: '/api/v1/symbiosis?weeks=0' })).statusCode, 400);
      assert.equal((await p.app.server.inject({ method: 'GET', url: '/api/v1/symbiosis' })).statusCode, 401);
    });
  });
}
