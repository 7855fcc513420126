import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { z } from 'zod';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { isAppError } from '../../platform/errors.ts';
import { defineStepType } from '../steps/step-type.ts';
import { signalOf } from '../store/signal-store.ts';
import { engineFor, insertWorkflow, stepsOf, waitForRun } from '../testing/engine-fixture.ts';

const trigger = { id: 'start', type: 'trigger.manual', name: 'Start' };

/** Parks until signalled (or until `deadlineMs` passes), then outputs what resumed it. */
const waitForSignal = defineStepType({
  type: 'human.test_wait',
  title: 'Wait for a signal',
  description: 'test step',
  category: 'human',
  config: z.object({ deadlineMs: z.number().optional() }),
  async execute(config, input, ctx) {
    if (ctx.resumeState) {
      const signal = signalOf(ctx.resumeState);
      return { kind: 'done', output: signal ? { signalled: signal.payload, id: signal.id } : { timedOut: true, input } };
    }
    const until = config.deadlineMs === undefined ? null : new Date(ctx.clock.now().getTime() + config.deadlineMs);
    return { kind: 'wait', until, state: { parkedAt: ctx.clock.now().toISOString() } };
  },
});

const twoWaits = {
  schemaVersion: 1,
  nodes: [
    trigger,
    { id: 'first', type: 'human.test_wait', name: 'First' },
    { id: 'second', type: 'human.test_wait', name: 'Second' },
    {
      id: 'done',
      type: 'logic.transform',
      name: 'Done',
      config: { expression: '{ "first": $nodes.first.output.signalled, "second": signalled }' },
    },
  ],
  edges: [
    { from: 'start', to: 'first' },
    { from: 'first', to: 'second' },
    { from: 'second', to: 'done' },
  ],
};

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'none';
};

describeEachDialect('engine signals', (getDb) => {
  let fx: ReturnType<typeof engineFor>;
  before(async () => {
    fx = engineFor(getDb(), [waitForSignal]);
    await fx.engine.start();
  });
  after(() => fx.close());

  async function start(definition: unknown) {
    const { workflowId, versionId } = await insertWorkflow(getDb(), definition);
    const { runId } = await fx.engine.startRun({ workflowId, versionId, triggerType: 'manual', data: { order: 7 }, inline: true });
    return runId;
  }

  async function parked(runId: string, nodeId: string) {
    const deadline = Date.now() + 5000;
    for (;;) {
      const run = await getDb().db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
      const step = (await stepsOf(getDb(), runId)).find((s) => s.node_id === nodeId);
      if (run.status === 'waiting' && run.lease_owner === null && step?.status === 'waiting') return { run, step };
      if (Date.now() > deadline) throw new Error(`run ${runId} did not park at ${nodeId} (${run.status})`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('parks a step as a row with no timer, no lease and nothing in memory, and resumes it with the payload', async () => {
    const runId = await start(twoWaits);
    const { run, step } = await parked(runId, 'first');
    assert.equal(run.next_at, null, 'no wake-up time: only a signal resumes it');
    assert.equal(step.next_at, null);
    assert.equal(fx.engine.activeRuns(), 0, 'no driver holds the run');

    assert.equal(await fx.engine.signal({ runId, nodeId: 'first', signalId: 's1', payload: { approved: true } }), 'delivered');
    await parked(runId, 'second');
    assert.equal(await fx.engine.signal({ runId, nodeId: 'second', signalId: 's2', payload: 'ok' }), 'delivered');
    const final = await waitForRun(getDb(), runId);
    assert.equal(final.status, 'succeeded');
    const steps = await stepsOf(getDb(), runId);
    assert.deepEqual(steps.find((s) => s.node_id === 'first')?.output, { signalled: { approved: true }, id: 's1' });
    assert.deepEqual(steps.find((s) => s.node_id === 'done')?.output, { first: { approved: true }, second: 'ok' });
    const signals = await getDb().db.selectFrom('run_signals').selectAll().where('run_id', '=', runId).orderBy('received_at').execute();
    assert.deepEqual(
      signals.map((s) => [s.signal_id, s.node_id, JSON.parse(s.payload_json)]),
      [
        ['s1', 'first', { approved: true }],
        ['s2', 'second', 'ok'],
      ],
    );
  });

  it('treats a repeated signal id as a duplicate and refuses a new signal to a step that moved on', async () => {
    const runId = await start(twoWaits);
    await parked(runId, 'first');
    assert.equal(await fx.engine.signal({ runId, nodeId: 'first', signalId: 'a', payload: 1 }), 'delivered');
    await parked(runId, 'second');
    assert.equal(await fx.engine.signal({ runId, nodeId: 'first', signalId: 'a', payload: 1 }), 'duplicate');
    assert.equal(await codeOf(fx.engine.signal({ runId, nodeId: 'first', signalId: 'b', payload: 2 })), 'STEP_NOT_WAITING');
    assert.equal(await codeOf(fx.engine.signal({ runId, nodeId: 'nope', signalId: 'c', payload: 2 })), 'NOT_FOUND');
    const before = await stepsOf(getDb(), runId);
    assert.equal(before.find((s) => s.node_id === 'second')?.status, 'waiting', 'nothing changed');
    await fx.engine.signal({ runId, nodeId: 'second', signalId: 'd', payload: 3 });
    await waitForRun(getDb(), runId);
    assert.equal(await codeOf(fx.engine.signal({ runId, nodeId: 'second', signalId: 'e', payload: 3 })), 'RUN_FINISHED');
    assert.equal(await codeOf(fx.engine.signal({ runId: 'no-such-run', nodeId: 'x', signalId: 'f', payload: 0 })), 'NOT_FOUND');
  });

  it('lets exactly one of two racing signals resume a step', async () => {
    const runId = await start(twoWaits);
    await parked(runId, 'first');
    const results = await Promise.allSettled([
      fx.engine.signal({ runId, nodeId: 'first', signalId: 'x1', payload: 'x1' }),
      fx.engine.signal({ runId, nodeId: 'first', signalId: 'x2', payload: 'x2' }),
    ]);
    const delivered = results.filter((r) => r.status === 'fulfilled' && r.value === 'delivered');
    const refused = results.filter((r) => r.status === 'rejected' && isAppError(r.reason) && r.reason.code === 'STEP_NOT_WAITING');
    assert.equal(delivered.length, 1);
    assert.equal(refused.length, 1);
    await parked(runId, 'second');
    const first = (await stepsOf(getDb(), runId)).find((s) => s.node_id === 'first');
    const winner = (first?.output as { id?: string } | undefined)?.id;
    assert.ok(winner === 'x1' || winner === 'x2');
    assert.equal((await getDb().db.selectFrom('run_signals').selectAll().where('run_id', '=', runId).execute()).length, 1);
  });

  it('says not-ready and changes nothing while a worker holds the run', async () => {
    const runId = await start(twoWaits);
    await parked(runId, 'first');
    await getDb()
      .db.updateTable('runs')
      .set({ lease_owner: 'someone-else', lease_until: '2999-01-01T00:00:00.000Z' })
      .where('id', '=', runId)
      .execute();
    assert.equal(await fx.engine.signal({ runId, nodeId: 'first', signalId: 'n1', payload: 1 }), 'not-ready');
    const step = (await stepsOf(getDb(), runId)).find((s) => s.node_id === 'first');
    assert.equal(step?.next_at, null);
    assert.equal(signalOf(JSON.parse(step?.state_json ?? '{}').resume), null);
    await getDb().db.updateTable('runs').set({ lease_owner: null, lease_until: null }).where('id', '=', runId).execute();
    assert.equal(await fx.engine.signal({ runId, nodeId: 'first', signalId: 'n1', payload: 1 }), 'delivered');
    await parked(runId, 'second');
  });

  it('resumes a step without a signal when its deadline passes', async () => {
    const runId = await start({
      schemaVersion: 1,
      nodes: [trigger, { id: 'w', type: 'human.test_wait', name: 'W', config: { deadlineMs: 150 } }],
      edges: [{ from: 'start', to: 'w' }],
    });
    const final = await waitForRun(getDb(), runId);
    assert.equal(final.status, 'succeeded');
    assert.deepEqual((await stepsOf(getDb(), runId)).find((s) => s.node_id === 'w')?.output, { timedOut: true, input: { order: 7 } });
  });

  it('is picked up by whichever worker claims the run (a signal sent through another engine)', async () => {
    const runId = await start(twoWaits);
    await parked(runId, 'first');
    // A second engine that never claims work: like an API process without workers.
    const sender = engineFor(getDb(), [waitForSignal]);
    try {
      assert.equal(await sender.engine.signal({ runId, nodeId: 'first', signalId: 'remote', payload: 'from afar' }), 'delivered');
      await parked(runId, 'second');
      const first = (await stepsOf(getDb(), runId)).find((s) => s.node_id === 'first');
      assert.deepEqual(first?.output, { signalled: 'from afar', id: 'remote' });
    } finally {
      await sender.close();
    }
  });
});
