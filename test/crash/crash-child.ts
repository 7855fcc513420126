// A workflow process for the crash tests: drives runs on a database given by CRASH_DB
// (SQLite file) or CRASH_PG_URL, records every execution of a side-effecting step in a
// counting sink (an append-only file), and kills itself with SIGKILL at the point CRASH_AT
// names. It exits 0 once every run has ended.
import { appendFileSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { createExpressionEngine } from '../../src/engine/expressions/expressions.ts';
import { createEngine } from '../../src/engine/runtime/engine.ts';
import { createCodeSandbox } from '../../src/engine/sandbox/code-sandbox.ts';
import { builtinStepTypes } from '../../src/engine/steps/builtins.ts';
import { createStepRegistry, defineStepType } from '../../src/engine/steps/step-type.ts';
import { createRunStore } from '../../src/engine/store/run-store.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { AppError } from '../../src/platform/errors.ts';

const sinkFile = process.env.CRASH_SINK as string;
const crashAt = process.env.CRASH_AT ?? 'none';
const crashAfter = Number(process.env.CRASH_N ?? '0');
const label = process.env.CRASH_LABEL ?? 'child';

const executions = () => {
  try {
    return readFileSync(sinkFile, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('done '));
  } catch {
    return [];
  }
};
let sinkCalls = 0;
let completions = 0;

const sink = defineStepType({
  type: 'logic.test_sink',
  title: 'Counting sink',
  description: 'records each execution; optionally fails its first attempt retryably',
  category: 'logic',
  config: z.object({ failFirst: z.boolean().default(false) }),
  async execute(config, input, ctx) {
    appendFileSync(sinkFile, `${ctx.idempotencyKey} ${ctx.attempt} ${label}\n`);
    sinkCalls += 1;
    if (crashAt === 'before-commit' && sinkCalls === crashAfter) process.kill(process.pid, 'SIGKILL');
    if (config.failFirst && ctx.attempt === 1) {
      throw new AppError('HTTP_REQUEST_FAILED', { status: 502, userMessage: 'first attempt fails', retryable: true });
    }
    return { kind: 'done', output: { input, attempt: ctx.attempt } };
  },
});

const handle = process.env.CRASH_PG_URL
  ? openDatabase({ dialect: 'postgres', url: process.env.CRASH_PG_URL, poolSize: 4 })
  : openDatabase({ dialect: 'sqlite', file: process.env.CRASH_DB as string });
await migrateToLatest(handle.db);
const sandbox = createCodeSandbox();
const engine = createEngine({
  store: createRunStore(handle.db, handle.dialect, handle.sqlite),
  registry: createStepRegistry([...builtinStepTypes({ sandbox }), sink]),
  expressions: createExpressionEngine(),
  clock: systemClock,
  log: { info() {}, warn() {}, error: (m, d) => process.stderr.write(`${label}: ${m} ${JSON.stringify(d)}\n`) },
  pollMs: 50,
  leaseMs: Number(process.env.CRASH_LEASE_MS ?? '3000'),
  singleNode: handle.dialect === 'sqlite',
  onStepDone: (_run, step) => {
    // Written after the step's completion was committed: no execution of this key may follow.
    if (step.node_id !== 'start') appendFileSync(sinkFile, `done ${step.idempotency_key} ${step.attempt} ${label}\n`);
    completions += 1;
    if (crashAt === 'after-commit' && completions === crashAfter) process.kill(process.pid, 'SIGKILL');
  },
});

const toStart = Number(process.env.CRASH_START_RUNS ?? '0');
if (toStart > 0) {
  const wf = await handle.db.selectFrom('workflows').select(['id', 'published_version_id']).executeTakeFirstOrThrow();
  for (let i = 0; i < toStart; i++) {
    await engine.startRun({ workflowId: wf.id, versionId: wf.published_version_id as string, triggerType: 'manual', data: { n: i } });
  }
}
await engine.start();
let stopRequested = false;
process.once('SIGTERM', () => {
  stopRequested = true;
});
process.stdout.write(`${label}: started (${executions().length} executions so far)\n`);

const deadline = Date.now() + Number(process.env.CRASH_MAX_MS ?? '60000');
for (;;) {
  const open = await handle.db.selectFrom('runs').select('id').where('status', 'not in', ['succeeded', 'failed', 'cancelled']).execute();
  if ((open.length === 0 && process.env.CRASH_STAY !== '1') || stopRequested) break;
  if (Date.now() > deadline) {
    process.stderr.write(`${label}: ${open.length} runs still open at the deadline\n`);
    process.exit(3);
  }
  await new Promise((r) => setTimeout(r, 50));
}
await engine.stop(2000);
await sandbox.close();
await handle.close();
process.exit(0);
