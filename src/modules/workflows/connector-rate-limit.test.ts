import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServices, type Services } from '../../app.ts';
import { closeConnectorResources } from '../../connectors/shutdown.ts';
import { systemClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { type HitRecorder, maxInWindow, startHitRecorder } from '../../testing/hit-recorder.ts';

const RUNS = 12;
const PER_SECOND = 3;

describe('maxInWindow', () => {
  it('counts the arrivals of the busiest half-open window', () => {
    assert.equal(maxInWindow([0, 999, 1000], 1000), 2);
    assert.equal(maxInWindow([0, 500, 999, 1000, 1001], 1000), 4);
    assert.equal(maxInWindow([3000, 0, 1000, 2000], 1000), 1);
    assert.equal(maxInWindow([], 1000), 0);
  });
});

for (const { dialect, skip } of testDialects()) {
  describe(`connector steps under a credential rate limit [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    const getDb = () => handle;
    let services: Services;
    let server: HitRecorder;
    let dataDir: string;

    before(async () => {
      handle = await createTestDatabase(dialect);
      server = await startHitRecorder({ delayMs: 30 });
      dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-rl-'));
      services = createServices(getDb(), systemClock, { httpAllow: ['127.0.0.0/8'], dataDir });
      await services.engine.start();
    });
    after(async () => {
      await services.engine.stop(2000);
      await services.sandbox.close();
      await closeConnectorResources();
      await server.close();
      // The engine is stopped first: the database goes last.
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it(`keeps a burst of ${RUNS} runs to ${PER_SECOND} calls in any second, without failing a step or using up a retry`, async () => {
      const actor = cliActor('test');
      const credential = await services.credentials.create(actor, {
        name: 'Shop API',
        type: 'http_auth',
        fields: { scheme: 'bearer', token: 'secret-token' },
        rateLimit: { requests: PER_SECOND, per: 'second', maxConcurrent: null },
      });
      const workflow = await services.workflows.create(actor, {
        name: 'Look up orders',
        definition: {
          schemaVersion: 1,
          nodes: [
            { id: 'start', type: 'trigger.manual', name: 'Start' },
            {
              id: 'lookup',
              type: 'connector.http.request',
              name: 'Look up the order',
              config: { credentialId: credential.id, url: `${server.url}/orders/{{ order }}` },
            },
          ],
          edges: [{ from: 'start', to: 'lookup' }],
        },
      });
      await services.workflows.publish(actor, workflow.id, 'rate-limited');
      const started = Date.now();
      const runIds = await Promise.all(
        Array.from(
          { length: RUNS },
          async (_, i) => (await services.workflows.startRun(actor, workflow.id, { input: { order: i } })).runId,
        ),
      );
      const deadline = started + 30_000;
      for (;;) {
        const open = await getDb()
          .db.selectFrom('runs')
          .select('id')
          .where('id', 'in', runIds)
          .where('status', 'not in', ['succeeded', 'failed', 'cancelled'])
          .execute();
        if (open.length === 0) break;
        assert.ok(Date.now() < deadline, `${open.length} runs still open after 30 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const runs = await getDb().db.selectFrom('runs').select(['status']).where('id', 'in', runIds).execute();
      assert.deepEqual(
        runs.map((r) => r.status),
        Array(RUNS).fill('succeeded'),
      );
      assert.equal(server.hits.length, RUNS, 'one call per run');
      assert.ok(
        maxInWindow(server.hits, 1000) <= PER_SECOND,
        `at most ${PER_SECOND} calls in any second, saw ${maxInWindow(server.hits, 1000)}`,
      );
      const steps = await getDb()
        .db.selectFrom('run_steps')
        .selectAll()
        .where('run_id', 'in', runIds)
        .where('node_id', '=', 'lookup')
        .execute();
      assert.equal(steps.length, RUNS);
      assert.ok(
        steps.every((s) => s.status === 'succeeded' && Number(s.attempt) === 1),
        'every call succeeded on its first attempt',
      );
      const waited = steps.filter(
        (s) => new Date(s.finished_at ?? 0).getTime() - new Date(s.started_at ?? 0).getTime() - Number(s.active_ms) > 200,
      );
      assert.ok(waited.length >= RUNS - PER_SECOND, `${waited.length} steps waited for the limit`);
      // 12 calls at 3 a second: the last can start no sooner than 3 windows after the first.
      const span = Math.max(...server.hits) - Math.min(...server.hits);
      assert.ok(span >= 3000, `calls spread over ${span} ms`);
    });
  });
}
