import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { insertWorkflow } from '../../src/engine/testing/engine-fixture.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { DEFINITION, launch } from './crash-fixture.ts';
import { checkSink } from './sink-check.ts';

const RUNS = 30;
const adminUrl = process.env.SYMBIONT_TEST_PG_URL;

describe('three workers on PostgreSQL, one killed mid-run', {
  skip: adminUrl ? false : 'needs PostgreSQL (SYMBIONT_TEST_PG_URL, set by npm test when initdb/pg_ctl exist)',
}, () => {
  let dir: string;
  let url: string;
  const name = `mw_${process.pid}_${Date.now()}`;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'symbiont-mw-'));
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(adminUrl as string);
    u.pathname = `/${name}`;
    url = u.toString();
    const handle = openDatabase({ dialect: 'postgres', url });
    await migrateToLatest(handle.db);
    await insertWorkflow(handle, DEFINITION, 'Multi-worker');
    await handle.close();
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('completes every run, takes over the dead worker’s runs, and runs no completed step twice', async () => {
    const sink = path.join(dir, 'sink.log');
    const env = { CRASH_PG_URL: url, CRASH_SINK: sink, CRASH_LEASE_MS: '3000', CRASH_MAX_MS: '90000' };
    // Worker 1 starts the runs and dies (SIGKILL) right after its 20th committed step.
    const w1 = launch({ ...env, CRASH_START_RUNS: String(RUNS), CRASH_AT: 'after-commit', CRASH_N: '20', CRASH_LABEL: 'w1' });
    // The others join once worker 1 has claimed the runs, so it surely reaches its 20th step.
    await new Promise<void>((resolve) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d;
        if (out.includes('w1: started')) {
          w1.child.stdout?.off('data', onData);
          resolve();
        }
      };
      w1.child.stdout?.on('data', onData);
      void w1.exit.then(() => resolve());
    });
    const w2 = launch({ ...env, CRASH_STAY: '1', CRASH_LABEL: 'w2' });
    const w3 = launch({ ...env, CRASH_STAY: '1', CRASH_LABEL: 'w3' });
    const w1Exit = await w1.exit;
    assert.equal(w1Exit.signal, 'SIGKILL', `worker 1 should have been killed, it exited ${JSON.stringify(w1Exit)}`);
    const handle = openDatabase({ dialect: 'postgres', url, poolSize: 2 });
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const open = await handle.db
          .selectFrom('runs')
          .select('id')
          .where('status', 'not in', ['succeeded', 'failed', 'cancelled'])
          .execute();
        if (open.length === 0) break;
        assert.ok(Date.now() < deadline, `${open.length} runs still open after 60 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const runs = await handle.db.selectFrom('runs').select('status').execute();
      assert.equal(runs.length, RUNS);
      assert.ok(runs.every((r) => r.status === 'succeeded'));
    } finally {
      await handle.close();
      w2.child.kill('SIGTERM');
      w3.child.kill('SIGTERM');
      await Promise.all([w2.exit, w3.exit]);
    }
    const { completions } = checkSink(sink, RUNS * 3, (key) => (key.endsWith(':b') ? 2 : 1));
    assert.ok(completions >= RUNS * 3);
    const launches = (await import('node:fs')).readFileSync(sink, 'utf8');
    assert.ok(launches.includes(' w2') && launches.includes(' w3'), 'both surviving workers took work');
  });
});
