import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createServices } from '../../src/app.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { cliActor } from '../../src/platform/permissions/actor.ts';
import { type HitRecorder, maxInWindow, startHitRecorder } from '../../src/testing/hit-recorder.ts';

const RUNS = 24;
const PER_SECOND = 4;
const WORKERS = 3;
const adminUrl = process.env.SYMBIONT_TEST_PG_URL;
const BIN = path.resolve(import.meta.dirname, '../../bin/symbiont.js');

describe(`a credential rate limit shared by ${WORKERS} symbiont worker processes on PostgreSQL`, {
  skip: adminUrl ? false : 'needs PostgreSQL (SYMBIONT_TEST_PG_URL, set by npm test when initdb/pg_ctl exist)',
}, () => {
  const name = `rl_${process.pid}_${Date.now()}`;
  const secretKey = randomBytes(32);
  let url: string;
  let dir: string;
  let handle: DatabaseHandle;
  let server: HitRecorder;
  const workers: ChildProcess[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'symbiont-rlw-'));
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(adminUrl as string);
    u.pathname = `/${name}`;
    url = u.toString();
    handle = openDatabase({ dialect: 'postgres', url, poolSize: 3 });
    await migrateToLatest(handle.db);
    server = await startHitRecorder({ delayMs: 20 });
  });
  after(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await server?.close();
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it(`never lets more than ${PER_SECOND} calls a second through, fails no step and uses no retry`, async () => {
    // The runs are queued here (no engine running in this process); the workers do all the work.
    const services = createServices(handle, systemClock, { secretKey, httpAllow: ['127.0.0.0/8'], dataDir: dir });
    const actor = cliActor('test');
    const credential = await services.credentials.create(actor, {
      name: 'Supplier API',
      type: 'http_auth',
      fields: { scheme: 'api_key', apiKey: 'k-123' },
      rateLimit: { requests: PER_SECOND, per: 'second', maxConcurrent: null },
    });
    const workflow = await services.workflows.create(actor, {
      name: 'Check stock',
      definition: {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'trigger.manual', name: 'Start' },
          {
            id: 'call',
            type: 'connector.http.request',
            name: 'Ask the supplier',
            config: { credentialId: credential.id, url: `${server.url}/stock/{{ item }}` },
          },
        ],
        edges: [{ from: 'start', to: 'call' }],
      },
    });
    await services.workflows.publish(actor, workflow.id, 'test');
    for (let i = 0; i < RUNS; i++) await services.workflows.startRun(actor, workflow.id, { input: { item: i } });
    await services.sandbox.close();

    const env = {
      ...process.env,
      DATABASE_URL: url,
      SYMBIONT_SECRET_KEY: secretKey.toString('base64url'),
      SYMBIONT_HTTP_ALLOW: '127.0.0.0/8',
      SYMBIONT_DATA_DIR: dir,
      SYMBIONT_LOG_LEVEL: 'silent',
    };
    for (let i = 0; i < WORKERS; i++) {
      // At most 10 runs each, so no worker can take the whole burst alone.
      workers.push(spawn(process.execPath, [BIN, 'worker', '--concurrency', '10'], { env, stdio: 'ignore' }));
    }
    const owners = new Set<string>();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const leased = await handle.db.selectFrom('runs').select('lease_owner').distinct().where('lease_owner', 'is not', null).execute();
      for (const r of leased) owners.add(r.lease_owner as string);
      const open = await handle.db
        .selectFrom('runs')
        .select('id')
        .where('status', 'not in', ['succeeded', 'failed', 'cancelled'])
        .execute();
      if (open.length === 0) break;
      assert.ok(Date.now() < deadline, `${open.length} runs still open after 60 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const runs = await handle.db.selectFrom('runs').select('status').execute();
    assert.deepEqual(
      runs.map((r) => r.status),
      Array(RUNS).fill('succeeded'),
    );
    assert.ok(owners.size >= 2, `runs were driven by ${owners.size} worker(s)`);
    assert.equal(server.hits.length, RUNS);
    const busiest = maxInWindow(server.hits, 1000);
    assert.ok(busiest <= PER_SECOND, `at most ${PER_SECOND} calls in any second across the workers, saw ${busiest}`);
    const steps = await handle.db.selectFrom('run_steps').select(['status', 'attempt']).where('node_id', '=', 'call').execute();
    assert.ok(steps.every((s) => s.status === 'succeeded' && Number(s.attempt) === 1));
  });
});
