import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { createPeople, outputOf, type People, parkedTask, publish, runEnded, start, taskState } from './testing/tasks-fixture.ts';

const RUNBOOK = 'https://wiki.bakery.example/runbooks/prices';

/** Looks a price up; fails (not retryable: one attempt) when the input has no SKU. */
const price = {
  id: 'price',
  type: 'code.javascript',
  name: 'Look up price',
  config: { code: 'if (!input.sku) throw new Error("no SKU in the order"); return { sku: input.sku, price: 4.5 };' },
  onFailure: 'task',
  exception: { assignees: [{ user: 'alice@bakery.example' }], runbookUrl: RUNBOOK },
};
const invoice = { id: 'invoice', type: 'logic.transform', name: 'Invoice', config: { expression: '{ "total": price * 2, "sku": sku }' } };

for (const { dialect, skip } of testDialects()) {
  describe(`exceptions handed to a person [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let wf = '';

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
      wf = await publish(
        p,
        'Orders',
        [price, invoice],
        [
          { from: 'start', to: 'price' },
          { from: 'price', to: 'invoice' },
        ],
      );
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    const resolve = (taskId: string, body: unknown) =>
      p.as.alice.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/resolve`, payload: body as object });

    it('pauses the run with a task showing the error, the input and the runbook; a fix and retry continues the same run', async () => {
      const runId = await start(p, wf, { order: 'O-1' });
      const taskId = await parkedTask(p, runId);
      const view = (await p.as.alice.request({ method: 'GET', url: `/api/v1/tasks/${taskId}` })).json();
      assert.equal(view.kind, 'exception');
      assert.match(view.title, /Look up price.*no SKU in the order/);
      assert.equal(view.context.error.code, 'CODE_FAILED');
      assert.deepEqual(view.context.input, { order: 'O-1' });
      assert.equal(view.context.runbookUrl, RUNBOOK);
      assert.deepEqual(view.actions.sort(), ['claim', 'resolve']);
      const step = await handle.db
        .selectFrom('run_steps')
        .select(['status', 'attempt'])
        .where('run_id', '=', runId)
        .where('node_id', '=', 'price')
        .executeTakeFirstOrThrow();
      assert.deepEqual(step, { status: 'waiting', attempt: 1 });

      const before = await taskState(p);
      const wrong = await p.as.alice.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/approve`, payload: {} });
      assert.equal(wrong.json().error.code, 'TASK_ACTION_INVALID');
      const outsider = await p.as.carol.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/resolve`, payload: { action: 'abort' } });
      assert.equal(outsider.json().error.code, 'TASK_NOT_ASSIGNEE');
      assert.deepEqual(await taskState(p), before);

      const fixed = await resolve(taskId, {
        action: 'retry',
        input: { order: 'O-1', sku: 'BREAD-1' },
        comment: 'SKU from the paper order',
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.equal(fixed.json().outcome, 'retry');
      const run = await runEnded(p, runId);
      assert.equal(run.status, 'succeeded', run.error_json ?? '');
      assert.deepEqual(await outputOf(p, runId, 'invoice'), { total: 9, sku: 'BREAD-1' });
      const retried = await handle.db
        .selectFrom('run_steps')
        .select(['status', 'attempt', 'input_json'])
        .where('run_id', '=', runId)
        .where('node_id', '=', 'price')
        .executeTakeFirstOrThrow();
      assert.equal(retried.status, 'succeeded');
      assert.equal(retried.attempt, 2);
      assert.deepEqual(JSON.parse(retried.input_json ?? 'null'), { order: 'O-1', sku: 'BREAD-1' });
      const audit = await handle.db
        .selectFrom('audit_events')
        .select(['action', 'after_json'])
        .where('object_id', '=', taskId)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['task.open', 'task.retry'],
      );
      assert.match(audit[1]?.after_json ?? '', /SKU from the paper order/);
    });

    it('opens a new exception when the retried step fails again', async () => {
      const runId = await start(p, wf, {});
      const first = await parkedTask(p, runId);
      assert.equal((await resolve(first, { action: 'retry' })).statusCode, 200);
      const deadline = Date.now() + 5000;
      let second: string | undefined;
      while (!second) {
        second = (
          await handle.db.selectFrom('tasks').select('id').where('run_id', '=', runId).where('status', '=', 'open').executeTakeFirst()
        )?.id;
        if (Date.now() > deadline) throw new Error('no second exception task');
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.notEqual(second, first);
      await parkedTask(p, runId);
      const view = (await p.as.alice.request({ method: 'GET', url: `/api/v1/tasks/${second}` })).json();
      assert.equal(view.context.attempt, 2);
      assert.equal((await resolve(second, { action: 'skip', output: { sku: 'MANUAL', price: 5 } })).statusCode, 200);
      assert.equal((await runEnded(p, runId)).status, 'succeeded');
      assert.deepEqual(await outputOf(p, runId, 'invoice'), { total: 10, sku: 'MANUAL' });
    });

    it('aborts the run when the person says so (RUN_ABORTED), and cancels the task of a cancelled run', async () => {
      const runId = await start(p, wf, {});
      const taskId = await parkedTask(p, runId);
      assert.equal((await resolve(taskId, { action: 'abort', comment: 'Order withdrawn' })).statusCode, 200);
      const run = await runEnded(p, runId);
      assert.equal(run.status, 'failed');
      const error = JSON.parse(run.error_json ?? '{}');
      assert.equal(error.code, 'RUN_ABORTED');
      assert.match(error.message, /alice aborted the run.*Order withdrawn/);
      assert.equal(error.details.original.code, 'CODE_FAILED');
      assert.equal(await outputOf(p, runId, 'invoice'), undefined, 'nothing after the aborted step ran');

      const other = await start(p, wf, {});
      const otherTask = await parkedTask(p, other);
      assert.equal((await p.as.bob.request({ method: 'POST', url: `/api/v1/runs/${other}/cancel` })).statusCode, 204);
      await runEnded(p, other);
      const deadline = Date.now() + 5000;
      while (
        (await handle.db.selectFrom('tasks').select('status').where('id', '=', otherTask).executeTakeFirstOrThrow()).status !== 'cancelled'
      ) {
        if (Date.now() > deadline) throw new Error('exception task not cancelled');
        await new Promise((r) => setTimeout(r, 10));
      }
    });

    it('fails the step as usual when the exception task cannot be opened', async () => {
      const broken = await publish(
        p,
        'Orders, nobody to ask',
        [{ ...price, exception: { assignees: [{ user: 'ghost@bakery.example' }] } }],
        [{ from: 'start', to: 'price' }],
      );
      const run = await runEnded(p, await start(p, broken, {}));
      assert.equal(run.status, 'failed');
      assert.equal(JSON.parse(run.error_json ?? '{}').code, 'CODE_FAILED');
    });
  });
}
