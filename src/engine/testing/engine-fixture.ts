import type { Clock } from '../../platform/clock.ts';
import { systemClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { createExpressionEngine } from '../expressions/expressions.ts';
import { createEngine, type EngineOptions } from '../runtime/engine.ts';
import { createCodeSandbox } from '../sandbox/code-sandbox.ts';
import { builtinStepTypes } from '../steps/builtins.ts';
import { createStepRegistry, type StepType } from '../steps/step-type.ts';
import { createRunStore } from '../store/run-store.ts';
import { createSignalStore } from '../store/signal-store.ts';

const quiet = { info() {}, warn() {}, error() {} };

/** Stores a workflow and one published version straight in the tables (engine tests). */
export async function insertWorkflow(
  handle: DatabaseHandle,
  definition: unknown,
  name = 'Test',
): Promise<{ workflowId: string; versionId: string }> {
  const now = new Date().toISOString();
  const workflowId = newId();
  const versionId = newId();
  const json = JSON.stringify(definition);
  await handle.db
    .insertInto('workflows')
    .values({
      id: workflowId,
      name,
      description: '',
      status: 'active',
      draft_json: json,
      published_version_id: null,
      webhook_path: null,
      team_id: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await handle.db
    .insertInto('workflow_versions')
    .values({
      id: versionId,
      workflow_id: workflowId,
      version: 1,
      kind: 'published',
      definition_json: json,
      note: '',
      created_by: null,
      created_at: now,
    })
    .execute();
  await handle.db.updateTable('workflows').set({ published_version_id: versionId }).where('id', '=', workflowId).execute();
  return { workflowId, versionId };
}

/** An engine over a test database with the built-in steps plus `extra`. */
export function engineFor(handle: DatabaseHandle, extra: StepType[] = [], options: Partial<EngineOptions> & { clock?: Clock } = {}) {
  const sandbox = createCodeSandbox({ timeoutMs: 2000 });
  const registry = createStepRegistry([...builtinStepTypes({ sandbox }), ...extra]);
  const engine = createEngine({
    store: createRunStore(handle.db, handle.dialect, handle.sqlite),
    registry,
    expressions: createExpressionEngine(),
    clock: options.clock ?? systemClock,
    log: quiet,
    signals: createSignalStore(handle.db, handle.dialect),
    pollMs: 50,
    leaseMs: 3000,
    ...options,
  });
  return {
    engine,
    registry,
    async close() {
      await engine.stop(2000);
      await sandbox.close();
    },
  };
}

/** Polls the run until it ends (bounded). */
export async function waitForRun(
  handle: DatabaseHandle,
  runId: string,
  timeoutMs = 10_000,
  statuses = ['succeeded', 'failed', 'cancelled'],
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await handle.db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
    if (statuses.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function stepsOf(handle: DatabaseHandle, runId: string) {
  const rows = await handle.db.selectFrom('run_steps').selectAll().where('run_id', '=', runId).orderBy('seq').execute();
  return rows.map((r) => ({ ...r, output: r.output_json ? JSON.parse(r.output_json) : null }));
}
