import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { z } from 'zod';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { defineStepType } from '../steps/step-type.ts';
import { engineFor, insertWorkflow, stepsOf, waitForRun } from '../testing/engine-fixture.ts';

const trigger = { id: 'start', type: 'trigger.manual', name: 'Start' };

describeEachDialect('workflow engine', (getDb) => {
  const calls = new Map<string, number>();
  const flaky = defineStepType({
    type: 'logic.test_flaky',
    title: 'Flaky',
    description: 'fails retryably `failures` times per run, then succeeds',
    category: 'logic',
    config: z.object({ failures: z.number(), retryAfterMs: z.number().optional() }),
    async execute(config, input, ctx) {
      const n = (calls.get(ctx.idempotencyKey) ?? 0) + 1;
      calls.set(ctx.idempotencyKey, n);
      if (n <= config.failures) {
        throw new AppError('HTTP_REQUEST_FAILED', {
          status: 502,
          userMessage: `failure ${n}`,
          retryable: true,
          details: { retryAfterMs: config.retryAfterMs },
        });
      }
      return { kind: 'done', output: { attempt: ctx.attempt, key: ctx.idempotencyKey, input } };
    },
  });
  let fx: ReturnType<typeof engineFor>;
  before(async () => {
    fx = engineFor(getDb(), [flaky]);
    await fx.engine.start();
  });
  after(() => fx.close());

  async function run(definition: unknown, data: unknown = {}) {
    const { workflowId, versionId } = await insertWorkflow(getDb(), definition);
    const started = await fx.engine.startRun({ workflowId, versionId, triggerType: 'manual', data, inline: true });
    return { ...started, workflowId, versionId, final: await waitForRun(getDb(), started.runId) };
  }

  it('runs a linear workflow, recording each step’s input and output', async () => {
    const { runId, final } = await run(
      {
        schemaVersion: 1,
        nodes: [
          trigger,
          { id: 'total', type: 'logic.transform', name: 'Total', config: { expression: '{ "sum": $sum(lines.(qty * price)) }' } },
          { id: 'vat', type: 'code.javascript', name: 'VAT', config: { code: 'return { gross: Math.round(input.sum * 119) / 100 }' } },
        ],
        edges: [
          { from: 'start', to: 'total' },
          { from: 'total', to: 'vat' },
        ],
      },
      {
        lines: [
          { qty: 2, price: 5 },
          { qty: 1, price: 10 },
        ],
      },
    );
    assert.equal(final.status, 'succeeded');
    const steps = await stepsOf(getDb(), runId);
    assert.deepEqual(
      steps.map((s) => [s.node_id, s.status, s.attempt]),
      [
        ['start', 'succeeded', 1],
        ['total', 'succeeded', 1],
        ['vat', 'succeeded', 1],
      ],
    );
    assert.deepEqual(steps[1]?.output, { sum: 20 });
    assert.deepEqual(JSON.parse(steps[2]?.input_json ?? 'null'), { sum: 20 });
    assert.deepEqual(steps[2]?.output, { gross: 23.8 });
  });

  it('takes true branches, the otherwise path when none is true, skips dead paths and merges', async () => {
    const definition = {
      schemaVersion: 1,
      nodes: [
        trigger,
        { id: 'check', type: 'logic.if', name: 'Large?' },
        { id: 'large', type: 'logic.transform', name: 'Large', config: { expression: '"large"' } },
        { id: 'small', type: 'logic.transform', name: 'Small', config: { expression: '"small"' } },
        { id: 'join', type: 'logic.merge', name: 'Join' },
      ],
      edges: [
        { from: 'start', to: 'check' },
        { from: 'check', to: 'large', kind: 'branch', condition: 'total > 100' },
        { from: 'check', to: 'small' },
        { from: 'large', to: 'join' },
        { from: 'small', to: 'join' },
      ],
    };
    const big = await run(definition, { total: 500 });
    const bigSteps = await stepsOf(getDb(), big.runId);
    assert.deepEqual(Object.fromEntries(bigSteps.map((s) => [s.node_id, s.status])), {
      start: 'succeeded',
      check: 'succeeded',
      large: 'succeeded',
      small: 'skipped',
      join: 'succeeded',
    });
    assert.equal(bigSteps.find((s) => s.node_id === 'join')?.output, 'large');
    const little = await run(definition, { total: 5 });
    const littleSteps = await stepsOf(getDb(), little.runId);
    assert.equal(littleSteps.find((s) => s.node_id === 'large')?.status, 'skipped');
    assert.equal(littleSteps.find((s) => s.node_id === 'join')?.output, 'small');
  });

  it('waits for all live paths before a merge and gives it their outputs by node', async () => {
    const { runId } = await run(
      {
        schemaVersion: 1,
        nodes: [
          trigger,
          { id: 'a', type: 'logic.transform', name: 'A', config: { expression: '1' } },
          { id: 'b', type: 'logic.delay', name: 'B', config: { for: '200ms' } },
          { id: 'join', type: 'logic.merge', name: 'Join' },
        ],
        edges: [
          { from: 'start', to: 'a' },
          { from: 'start', to: 'b' },
          { from: 'a', to: 'join' },
          { from: 'b', to: 'join' },
        ],
      },
      { x: 1 },
    );
    const steps = await stepsOf(getDb(), runId);
    assert.deepEqual(steps.find((s) => s.node_id === 'join')?.output, { a: 1, b: { x: 1 } });
  });

  it('loops over items with a concurrency limit and collects each item’s result', async () => {
    const { runId, final } = await run(
      {
        schemaVersion: 1,
        nodes: [
          trigger,
          { id: 'each', type: 'logic.loop', name: 'Each line', config: { items: '{{ lines }}', concurrency: 2 } },
          {
            id: 'price',
            type: 'logic.transform',
            name: 'Price',
            config: { expression: '{ "sku": $item.sku, "n": $index, "value": qty * price }' },
          },
          { id: 'done', type: 'logic.transform', name: 'Sum', config: { expression: '$sum($.value)' } },
        ],
        edges: [
          { from: 'start', to: 'each' },
          { from: 'each', to: 'price', kind: 'loop' },
          { from: 'each', to: 'done' },
        ],
      },
      {
        lines: [
          { sku: 'a', qty: 1, price: 2 },
          { sku: 'b', qty: 3, price: 1 },
          { sku: 'c', qty: 2, price: 2 },
        ],
      },
    );
    assert.equal(final.status, 'succeeded');
    const steps = await stepsOf(getDb(), runId);
    assert.deepEqual(steps.find((s) => s.node_id === 'each')?.output, [
      { sku: 'a', n: 0, value: 2 },
      { sku: 'b', n: 1, value: 3 },
      { sku: 'c', n: 2, value: 4 },
    ]);
    assert.equal(steps.find((s) => s.node_id === 'done')?.output, 9);
    assert.deepEqual(
      steps
        .filter((s) => s.node_id === 'price')
        .map((s) => s.item_key)
        .sort(),
      ['each:0', 'each:1', 'each:2'],
    );
  });

  it('retries a retryable failure with back-off, keeping one idempotency key', async () => {
    const { runId, final } = await run({
      schemaVersion: 1,
      nodes: [
        trigger,
        {
          id: 'call',
          type: 'logic.test_flaky',
          name: 'Call',
          config: { failures: 2 },
          retry: { maxAttempts: 3, initialDelayMs: 20, backoffFactor: 2, maxDelayMs: 1000 },
        },
      ],
      edges: [{ from: 'start', to: 'call' }],
    });
    assert.equal(final.status, 'succeeded');
    const call = (await stepsOf(getDb(), runId)).find((s) => s.node_id === 'call');
    assert.equal(call?.attempt, 3);
    assert.equal(call?.output.attempt, 3);
    assert.equal(call?.output.key, `${runId}:call`);
  });

  it('takes the error path when a step fails after its retries', async () => {
    const { runId, final } = await run({
      schemaVersion: 1,
      nodes: [
        trigger,
        { id: 'bad', type: 'logic.transform', name: 'Bad', config: { expression: '"a" + 1' } },
        { id: 'fallback', type: 'logic.transform', name: 'Fallback', config: { expression: '{ "handled": error.code }' } },
      ],
      edges: [
        { from: 'start', to: 'bad' },
        { from: 'bad', to: 'fallback', kind: 'error' },
      ],
    });
    assert.equal(final.status, 'succeeded');
    const steps = await stepsOf(getDb(), runId);
    assert.equal(steps.find((s) => s.node_id === 'bad')?.status, 'failed');
    assert.deepEqual(steps.find((s) => s.node_id === 'fallback')?.output, { handled: 'EXPRESSION_FAILED' });
  });

  it('fails the run on an unhandled failure; retry continues the same run from the failed step', async () => {
    const { runId, final } = await run({
      schemaVersion: 1,
      nodes: [
        trigger,
        { id: 'first', type: 'logic.transform', name: 'First', config: { expression: '"ok"' } },
        {
          id: 'call',
          type: 'logic.test_flaky',
          name: 'Call',
          config: { failures: 1 },
          retry: { maxAttempts: 1, initialDelayMs: 0, backoffFactor: 1, maxDelayMs: 0 },
        },
      ],
      edges: [
        { from: 'start', to: 'first' },
        { from: 'first', to: 'call' },
      ],
    });
    assert.equal(final.status, 'failed');
    assert.equal(JSON.parse(final.error_json ?? '{}').nodeId, 'call');
    const firstBefore = (await stepsOf(getDb(), runId)).find((s) => s.node_id === 'first');
    await fx.engine.retry(runId);
    const again = await waitForRun(getDb(), runId);
    assert.equal(again.status, 'succeeded');
    const steps = await stepsOf(getDb(), runId);
    assert.equal(steps.find((s) => s.node_id === 'call')?.attempt, 2);
    assert.equal(steps.find((s) => s.node_id === 'first')?.finished_at, firstBefore?.finished_at, 'a completed step is not run again');
    await assert.rejects(fx.engine.retry(runId), { code: 'RUN_NOT_RETRYABLE' });
  });

  it('answers a synchronous caller from the Respond step, then finishes the run', async () => {
    const { workflowId, versionId } = await insertWorkflow(getDb(), {
      schemaVersion: 1,
      nodes: [
        { id: 'hook', type: 'trigger.webhook', name: 'Hook', config: { path: 'engine-test-sync', mode: 'sync' } },
        { id: 'reply', type: 'logic.respond', name: 'Reply', config: { status: 201, body: { got: '{{ body.n }}' } } },
        { id: 'after', type: 'logic.transform', name: 'After', config: { expression: '"later"' } },
      ],
      edges: [
        { from: 'hook', to: 'reply' },
        { from: 'reply', to: 'after' },
      ],
    });
    const started = await fx.engine.startRun({
      workflowId,
      versionId,
      triggerType: 'webhook',
      data: { body: { n: 7 } },
      inline: true,
      awaitResponse: true,
    });
    const response = await started.response;
    assert.deepEqual(response, { status: 201, headers: {}, body: { got: 7 } });
    const final = await waitForRun(getDb(), started.runId);
    assert.equal(final.status, 'succeeded');
  });

  it('de-duplicates deliveries with the same trigger key', async () => {
    const { workflowId, versionId } = await insertWorkflow(getDb(), { schemaVersion: 1, nodes: [trigger], edges: [] });
    const a = await fx.engine.startRun({ workflowId, versionId, triggerType: 'manual', data: {}, triggerKey: 'order-1' });
    const b = await fx.engine.startRun({ workflowId, versionId, triggerType: 'manual', data: {}, triggerKey: 'order-1' });
    assert.equal(b.runId, a.runId);
    assert.equal(b.duplicate, true);
  });

  it('runs a sub-workflow and continues with its result', async () => {
    const child = await insertWorkflow(getDb(), {
      schemaVersion: 1,
      nodes: [trigger, { id: 'double', type: 'logic.transform', name: 'Double', config: { expression: 'n * 2' } }],
      edges: [{ from: 'start', to: 'double' }],
    });
    const { runId, final } = await run(
      {
        schemaVersion: 1,
        nodes: [
          trigger,
          { id: 'sub', type: 'logic.subworkflow', name: 'Sub', config: { workflowId: child.workflowId, input: { n: '{{ n }}' } } },
          { id: 'plus', type: 'logic.transform', name: 'Plus one', config: { expression: '$ + 1' } },
        ],
        edges: [
          { from: 'start', to: 'sub' },
          { from: 'sub', to: 'plus' },
        ],
      },
      { n: 20 },
    );
    assert.equal(final.status, 'succeeded');
    assert.equal((await stepsOf(getDb(), runId)).find((s) => s.node_id === 'plus')?.output, 41);
  });

  it('cancels a run that waits in a delay', async () => {
    const { workflowId, versionId } = await insertWorkflow(getDb(), {
      schemaVersion: 1,
      nodes: [trigger, { id: 'wait', type: 'logic.delay', name: 'Wait', config: { for: '1h' } }],
      edges: [{ from: 'start', to: 'wait' }],
    });
    const started = await fx.engine.startRun({ workflowId, versionId, triggerType: 'manual', data: {}, inline: true });
    await waitForRun(getDb(), started.runId, 5000, ['waiting']);
    await fx.engine.cancel(started.runId);
    const final = await waitForRun(getDb(), started.runId);
    assert.equal(final.status, 'cancelled');
    await assert.rejects(fx.engine.cancel(started.runId), { code: 'RUN_FINISHED' });
  });

  it('stores large outputs out of the step row', async () => {
    const { runId } = await run({
      schemaVersion: 1,
      nodes: [trigger, { id: 'big', type: 'logic.transform', name: 'Big', config: { expression: '$pad("", 70000, "x")' } }],
      edges: [{ from: 'start', to: 'big' }],
    });
    const big = (await stepsOf(getDb(), runId)).find((s) => s.node_id === 'big');
    assert.ok(big?.output_blob_id);
    const blob = await getDb().db.selectFrom('run_blobs').select('bytes').where('id', '=', big.output_blob_id).executeTakeFirstOrThrow();
    assert.ok(blob.bytes > 64 * 1024);
  });
});
