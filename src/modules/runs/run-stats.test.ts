import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createServices, type Services } from '../../app.ts';
import { createCodeSandbox } from '../../engine/sandbox/code-sandbox.ts';
import { builtinStepTypes } from '../../engine/steps/builtins.ts';
import { createStepRegistry, defineStepType } from '../../engine/steps/step-type.ts';
import { insertWorkflow } from '../../engine/testing/engine-fixture.ts';
import { fixedClock, systemClock } from '../../platform/clock.ts';
import type { RunStepsTable, RunsTable } from '../../platform/db/schema.ts';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { buildHttpServer } from '../../platform/http/server.ts';
import { newId } from '../../platform/ids.ts';
import { createLogger } from '../../platform/logger.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { sessionRoutes } from '../auth/session.routes.ts';
import { runsRoutes } from './runs.routes.ts';
import { createRunsService } from './runs.service.ts';

const PASSWORD = 'correct-horse-battery';

/** A step type of the human category, as approvals and forms will be: it waits until woken. */
const approval = defineStepType({
  type: 'human.test_approval',
  title: 'Approval (test)',
  description: 'waits for a person',
  category: 'human',
  config: z.object({}),
  async execute(_config, input, ctx) {
    return ctx.resumeState ? { kind: 'done', output: input } : { kind: 'wait', until: null, state: { asked: true } };
  },
});

const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.manual', name: 'Start' },
    { id: 'approve', type: 'human.test_approval', name: 'Manager approves' },
    { id: 'pause', type: 'logic.delay', name: 'Wait a little', config: { for: '2s' } },
    { id: 'notify', type: 'logic.noop', name: 'Tell the shop' },
  ],
  edges: [
    { from: 'start', to: 'approve' },
    { from: 'approve', to: 'pause' },
    { from: 'pause', to: 'notify' },
  ],
};

const at = (iso: string, s = 0) => new Date(new Date(iso).getTime() + s * 1000).toISOString();

describeEachDialect('workflow statistics route', (getDb) => {
  const clock = fixedClock('2026-11-24T12:00:00.000Z');
  let services: Services;
  let server: FastifyInstance;
  let cookie = '';
  let workflowId = '';
  let versionId = '';
  const sandbox = createCodeSandbox();

  async function run(row: Partial<RunsTable> & { id: string }, steps: (Partial<RunStepsTable> & { node_id: string })[]) {
    const base = row.created_at ?? '';
    await getDb()
      .db.insertInto('runs')
      .values({
        workflow_id: workflowId,
        version_id: versionId,
        status: 'succeeded',
        trigger_type: 'manual',
        trigger_key: null,
        concurrency_key: null,
        parent_run_id: null,
        parent_step_id: null,
        started_by: null,
        next_at: null,
        lease_owner: null,
        lease_until: null,
        cancel_requested: 0,
        active_ms: 0,
        wait_ms: 0,
        error_json: null,
        created_at: base,
        started_at: base,
        finished_at: null,
        updated_at: base,
        ...row,
      })
      .execute();
    let seq = 0;
    for (const s of steps) {
      seq += 1;
      await getDb()
        .db.insertInto('run_steps')
        .values({
          id: newId(),
          run_id: row.id,
          item_key: '',
          seq,
          status: 'succeeded',
          attempt: 1,
          idempotency_key: `${row.id}:${s.node_id}`,
          input_json: null,
          output_json: null,
          output_blob_id: null,
          error_json: null,
          state_json: null,
          next_at: null,
          started_at: base,
          finished_at: base,
          active_ms: 0,
          wait_ms: 0,
          ...s,
        })
        .execute();
    }
  }

  const stats = (query = '', id = workflowId) =>
    server.inject({ method: 'GET', url: `/api/v1/workflows/${id}/stats${query}`, cookies: { symbiont_session: cookie } });

  before(async () => {
    services = createServices(getDb(), clock);
    const registry = createStepRegistry([...builtinStepTypes({ sandbox }), approval]);
    const runs = createRunsService({ db: getDb().db, clock, audit: services.audit, engine: services.engine, registry });
    server = await buildHttpServer({
      logger: createLogger('silent'),
      bodyLimit: 64 * 1024,
      trustProxy: false,
      authenticate: (request) => services.sessions.authenticate(request),
      webDir: null,
      version: 'test',
      routes: async (api) => {
        await sessionRoutes(api, { sessions: services.sessions, users: services.users, modules: [], isSecure: () => false });
        await runsRoutes(api, { runs });
      },
    });
    await server.ready();
    await services.users.create(cliActor('test'), { email: 'viewer@x.test', name: 'Viewer', password: PASSWORD, teamIds: [], roles: [] });
    const login = await server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'viewer@x.test', password: PASSWORD },
    });
    cookie = login.cookies.find((c) => c.name === 'symbiont_session')?.value ?? '';
    ({ workflowId, versionId } = await insertWorkflow(getDb(), DEFINITION, 'Large orders'));

    // R1, 2 days ago: 10 s; the approval open 1–7 s (0.1 s of work), the delay 7–9 s, notify 9–10 s on its second attempt.
    const r1 = '2026-11-22T10:00:00.000Z';
    await run({ id: newId(), created_at: r1, finished_at: at(r1, 10), active_ms: 2000 }, [
      { node_id: 'start' },
      { node_id: 'approve', started_at: at(r1, 1), finished_at: at(r1, 7), active_ms: 100 },
      { node_id: 'pause', started_at: at(r1, 7), finished_at: at(r1, 9), active_ms: 0 },
      { node_id: 'notify', started_at: at(r1, 9), finished_at: at(r1, 10), active_ms: 900, attempt: 2 },
    ]);
    // R2, a day ago: failed after 4 s of work at notify's third attempt.
    const r2 = '2026-11-23T10:00:00.000Z';
    await run({ id: newId(), created_at: r2, status: 'failed', finished_at: at(r2, 4), active_ms: 4000 }, [
      { node_id: 'start' },
      { node_id: 'notify', status: 'failed', started_at: r2, finished_at: at(r2, 4), active_ms: 4000, attempt: 3 },
    ]);
    // R3, 20 days ago: 60 s, 1 s of work, the rest a delay.
    const r3 = '2026-11-04T10:00:00.000Z';
    await run({ id: newId(), created_at: r3, finished_at: at(r3, 60), active_ms: 1000 }, [
      { node_id: 'start' },
      { node_id: 'pause', started_at: r3, finished_at: at(r3, 59), active_ms: 0 },
      { node_id: 'notify', started_at: at(r3, 59), finished_at: at(r3, 60), active_ms: 1000 },
    ]);
    // R4, an hour ago: still waiting for the approval.
    const r4 = '2026-11-24T11:00:00.000Z';
    await run({ id: newId(), created_at: r4, status: 'waiting', active_ms: 50 }, [
      { node_id: 'start' },
      { node_id: 'approve', status: 'waiting', started_at: r4, finished_at: null, active_ms: 50 },
    ]);
  });
  after(async () => {
    await server.close();
    await services.sandbox.close();
    await sandbox.close();
  });

  it('splits the time of the last 7 days into working, machine and human waiting, with per-step figures', async () => {
    const res = await stats('?days=7');
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json();
    assert.equal(s.days, 7);
    assert.equal(s.since, '2026-11-17T12:00:00.000Z');
    assert.deepEqual([s.runs, s.succeeded, s.failed, s.successRate], [3, 1, 1, 0.5]);
    // R1: 10 000 = 2 000 working + 5 900 human (6 000 open − 100 work) + 2 100 machine; R2: 4 000 working.
    assert.deepEqual(s.time, {
      runs: 2,
      working: { totalMs: 6000, p50Ms: 2000, p95Ms: 4000 },
      waiting: { totalMs: 8000, p50Ms: 0, p95Ms: 8000 },
      machineWait: { totalMs: 2100, p50Ms: 0, p95Ms: 2100 },
      humanWait: { totalMs: 5900, p50Ms: 0, p95Ms: 5900 },
    });
    const byNode = Object.fromEntries(s.steps.map((x: { nodeId: string }) => [x.nodeId, x]));
    assert.deepEqual(byNode.notify, {
      nodeId: 'notify',
      name: 'Tell the shop',
      type: 'logic.noop',
      category: 'logic',
      executions: 2,
      failures: 1,
      retries: 3,
      durationP50Ms: 1000,
      durationP95Ms: 4000,
      avgWorkMs: 2450,
      waitingMs: 100,
    });
    assert.equal(byNode.approve.category, 'human');
    assert.equal(byNode.approve.executions, 2, 'the approval still open counts as an execution');
    assert.equal(byNode.approve.durationP50Ms, 6000, 'only the finished one has a duration');
    assert.equal(byNode.start.executions, 3);
  });

  it('widens the period with ?days and keeps the 90-day default', async () => {
    const month = (await stats('?days=30')).json();
    assert.equal(month.runs, 4);
    assert.equal(month.time.runs, 3);
    // R3 adds 59 000 ms of machine waiting.
    assert.equal(month.time.machineWait.totalMs, 2100 + 59_000);
    assert.equal(month.time.humanWait.totalMs, 5900);
    const byDefault = (await stats()).json();
    assert.equal(byDefault.days, 90);
    assert.equal(byDefault.runs, 4);
  });

  it('refuses a period out of range and an unknown workflow', async () => {
    for (const days of ['0', '366', 'week']) {
      const res = await stats(`?days=${days}`);
      assert.equal(res.statusCode, 400, days);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    }
    const missing = await stats('', '0190aaaa-0000-7000-8000-000000000000');
    assert.equal(missing.statusCode, 404);
    const anonymous = await server.inject({ method: 'GET', url: `/api/v1/workflows/${workflowId}/stats` });
    assert.equal(anonymous.statusCode, 401);
  });

  it('documents the period and the time figures in OpenAPI', async () => {
    const doc = (await server.inject({ method: 'GET', url: '/api/openapi.json', cookies: { symbiont_session: cookie } })).json();
    const op = doc.paths['/api/v1/workflows/{id}/stats'].get;
    assert.ok(op.parameters.some((p: { name: string; in: string }) => p.name === 'days' && p.in === 'query'));
    assert.ok(JSON.stringify(op.responses['200']).includes('humanWait'));
  });

  it('counts a real run’s durable delay as machine waiting', async () => {
    const live = createServices(getDb(), systemClock);
    await live.engine.start();
    try {
      const workflow = await live.workflows.create(cliActor('test'), {
        name: 'Delayed',
        definition: {
          schemaVersion: 1,
          nodes: [
            { id: 'start', type: 'trigger.manual', name: 'Start' },
            { id: 'pause', type: 'logic.delay', name: 'Pause', config: { for: '400ms' } },
            { id: 'done', type: 'logic.noop', name: 'Done' },
          ],
          edges: [
            { from: 'start', to: 'pause' },
            { from: 'pause', to: 'done' },
          ],
        },
      });
      await live.workflows.publish(cliActor('test'), workflow.id, 'test');
      const { runId } = await live.workflows.startRun(cliActor('test'), workflow.id, {});
      const deadline = Date.now() + 10_000;
      while ((await live.runs.get(cliActor('test'), runId)).status !== 'succeeded') {
        assert.ok(Date.now() < deadline, 'the run ends');
        await new Promise((r) => setTimeout(r, 25));
      }
      const s = await live.runs.stats(cliActor('test'), workflow.id, 1);
      assert.equal(s.time.runs, 1);
      assert.ok(s.time.machineWait.totalMs >= 400, `machine wait ${s.time.machineWait.totalMs} ms`);
      assert.equal(s.time.humanWait.totalMs, 0);
      assert.ok(s.time.working.totalMs < 400);
      const pause = s.steps.find((x) => x.nodeId === 'pause');
      assert.ok(pause && (pause.durationP50Ms ?? 0) >= 400 && pause.waitingMs >= 400);
    } finally {
      await live.engine.stop(2000);
      await live.sandbox.close();
    }
  });
});
