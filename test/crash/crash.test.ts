import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { insertWorkflow } from '../../src/engine/testing/engine-fixture.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { DEFINITION, launch } from './crash-fixture.ts';
import { checkSink } from './sink-check.ts';

const RUNS = 12;

describe('crash safety (SIGKILL at chosen points, SQLite file)', () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'symbiont-crash-'));
    env = { CRASH_DB: path.join(dir, 'db.sqlite'), CRASH_SINK: path.join(dir, 'sink.log'), SYMBIONT_LOG_LEVEL: 'silent' };
    const handle = openDatabase({ dialect: 'sqlite', file: env.CRASH_DB as string });
    await migrateToLatest(handle.db);
    await insertWorkflow(handle, DEFINITION, 'Crash test');
    await handle.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const db = () => openDatabase({ dialect: 'sqlite', file: env.CRASH_DB as string });

  async function waitForState(sql: 'waiting-delay' | 'retrying', timeoutMs = 20_000): Promise<void> {
    const handle = db();
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const q = handle.db.selectFrom('run_steps').select('id');
        const row = await (sql === 'waiting-delay'
          ? q.where('node_id', '=', 'pause').where('status', '=', 'waiting')
          : q.where('status', '=', 'retrying')
        ).executeTakeFirst();
        if (row) return;
        if (Date.now() > deadline) throw new Error(`no step reached ${sql}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await handle.close();
    }
  }

  it('is killed before a step’s completion is committed (after its side effect)', async () => {
    const { exit } = launch({ ...env, CRASH_START_RUNS: String(RUNS), CRASH_AT: 'before-commit', CRASH_N: '5', CRASH_LABEL: 'launch-1' });
    assert.equal((await exit).signal, 'SIGKILL');
  });

  it('is killed right after a step’s completion was committed', async () => {
    const { exit } = launch({ ...env, CRASH_AT: 'after-commit', CRASH_N: '7', CRASH_LABEL: 'launch-2' });
    assert.equal((await exit).signal, 'SIGKILL');
  });

  it('is killed while runs wait in a durable delay', async () => {
    const { child, exit } = launch({ ...env, CRASH_STAY: '1', CRASH_LABEL: 'launch-3' });
    await waitForState('waiting-delay');
    child.kill('SIGKILL');
    assert.equal((await exit).signal, 'SIGKILL');
  });

  it('is killed during a retry back-off', async () => {
    const { child, exit } = launch({ ...env, CRASH_STAY: '1', CRASH_LABEL: 'launch-4' });
    await waitForState('retrying');
    child.kill('SIGKILL');
    assert.equal((await exit).signal, 'SIGKILL');
  });

  it('after a restart every run completes and no completed step ran twice', async () => {
    const { exit } = launch({ ...env, CRASH_LABEL: 'launch-5' });
    assert.equal((await exit).code, 0);
    const handle = db();
    try {
      const runs = await handle.db.selectFrom('runs').select(['id', 'status']).execute();
      assert.equal(runs.length, RUNS);
      assert.deepEqual(
        runs.filter((r) => r.status !== 'succeeded'),
        [],
      );
      const steps = await handle.db.selectFrom('run_steps').select(['idempotency_key', 'node_id', 'status', 'attempt']).execute();
      assert.equal(steps.length, RUNS * 5);
      const { rerun, completions } = checkSink(env.CRASH_SINK as string, RUNS * 3, (key) => (key.endsWith(':b') ? 2 : 1));
      assert.ok(rerun >= 1, 'the kill before a commit left at least one step to run again');
      // (`done` lines are a lower bound: a kill can fall between a commit and its line.)
      assert.ok(completions >= RUNS * 3, `${completions} completions recorded`);
    } finally {
      await handle.close();
    }
  });
});
