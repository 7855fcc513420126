import assert from 'node:assert/strict';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import { cliActor } from '../../../platform/permissions/actor.ts';
import type { RoleKey } from '../../../platform/permissions/catalog.ts';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.ts';

/**
 * The bakery's finance team for task tests: Bob builds and starts runs (and is in Finance),
 * Alice, Carol and Dave approve, Erin manages the team (and is a programme manager), Zoe is a
 * member outside Finance, Vic only views.
 */
export interface People {
  app: TestApp;
  financeId: string;
  ids: Record<'bob' | 'alice' | 'carol' | 'dave' | 'erin' | 'zoe' | 'vic', string>;
  as: Record<'bob' | 'alice' | 'carol' | 'dave' | 'erin' | 'zoe' | 'vic', Session>;
}

export async function createPeople(
  handle: DatabaseHandle,
  now = '2026-11-24T08:00:00.000Z',
  options: { publicUrl?: string; httpAllow?: string[] } = {},
): Promise<People> {
  const app = await createTestApp(handle, { now, ...options });
  const team = await app.services.teams.create(cliActor('test'), { name: 'Finance', description: '' });
  const spec: [keyof People['ids'], RoleKey[], boolean][] = [
    ['bob', ['builder'], true],
    ['alice', [], true],
    ['carol', [], true],
    ['dave', [], true],
    ['erin', ['programme_manager'], false],
    ['zoe', [], false],
    ['vic', ['viewer'], false],
  ];
  const ids = {} as People['ids'];
  const as = {} as People['as'];
  for (const [name, roles, inFinance] of spec) {
    ids[name] = await app.createUser(`${name}@bakery.example`, roles, inFinance ? [team.id] : []);
    as[name] = await app.login(`${name}@bakery.example`);
  }
  // Vic is a viewer only: take the default member role away.
  await handle.db.deleteFrom('role_assignments').where('user_id', '=', ids.vic).where('role', '=', 'member').execute();
  await app.services.teams.setMember(cliActor('test'), team.id, ids.erin, true);
  // Tests tick the task scheduler themselves, after moving the clock.
  await app.services.taskScheduler.stop();
  return { app, financeId: team.id, ids, as };
}

/** Signs everyone in again: after the clock moved days ahead, earlier sessions have expired. */
export async function signInAgain(p: People): Promise<void> {
  for (const name of Object.keys(p.ids) as (keyof People['ids'])[]) p.as[name] = await p.app.login(`${name}@bakery.example`);
}

export const trigger = { id: 'start', type: 'trigger.manual', name: 'Start' };

/** Creates and publishes a workflow as Bob; returns its id. */
export async function publish(p: People, name: string, nodes: unknown[], edges: unknown[]): Promise<string> {
  const created = await p.as.bob.request({
    method: 'POST',
    url: '/api/v1/workflows',
    payload: { name, definition: { schemaVersion: 1, nodes: [trigger, ...nodes], edges } },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const published = await p.as.bob.request({ method: 'POST', url: `/api/v1/workflows/${id}/publish`, payload: { note: 'test' } });
  assert.equal(published.statusCode, 200, published.body);
  return id;
}

/** Starts a run as Bob. */
export async function start(p: People, workflowId: string, input: unknown = {}): Promise<string> {
  const res = await p.as.bob.request({ method: 'POST', url: `/api/v1/workflows/${workflowId}/runs`, payload: { input } });
  assert.equal(res.statusCode, 202, res.body);
  return res.json().runId as string;
}

/** Waits until the run is parked (waiting, no lease) on an open task and returns the task id. */
export async function parkedTask(p: People, runId: string, nodeId?: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const run = await p.app.handle.db
      .selectFrom('runs')
      .select(['status', 'lease_owner', 'error_json'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    let q = p.app.handle.db.selectFrom('tasks').select('id').where('run_id', '=', runId).where('status', 'in', ['open', 'claimed']);
    if (nodeId) q = q.where('node_id', '=', nodeId);
    const task = await q.executeTakeFirst();
    if (task && run.status === 'waiting' && run.lease_owner === null) return task.id;
    if (['succeeded', 'failed', 'cancelled'].includes(run.status)) throw new Error(`run ${runId} ended ${run.status}: ${run.error_json}`);
    if (Date.now() > deadline) throw new Error(`run ${runId} never parked on a task (${run.status})`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function runEnded(p: People, runId: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const run = await p.app.handle.db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
    if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function outputOf(p: People, runId: string, nodeId: string): Promise<unknown> {
  const step = await p.app.handle.db
    .selectFrom('run_steps')
    .select('output_json')
    .where('run_id', '=', runId)
    .where('node_id', '=', nodeId)
    .executeTakeFirst();
  return step?.output_json ? JSON.parse(step.output_json) : undefined;
}

/** Row counts of the task tables and runs' steps: a refused request must leave them as they were. */
export async function taskState(p: People) {
  const count = async (table: 'tasks' | 'task_decisions' | 'task_assignees' | 'run_signals' | 'audit_events') =>
    Number(
      (
        await p.app.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const statuses = await p.app.handle.db.selectFrom('tasks').select(['id', 'status', 'outcome', 'claimed_by']).orderBy('id').execute();
  return {
    decisions: await count('task_decisions'),
    assignees: await count('task_assignees'),
    signals: await count('run_signals'),
    audit: await count('audit_events'),
    statuses,
  };
}
