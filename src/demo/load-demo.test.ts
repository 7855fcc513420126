import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { createApp, createServices, type Services } from '../app.ts';
import { describeEachDialect } from '../platform/db/testing/test-database.ts';
import { createLogger } from '../platform/logger.ts';
import { cliActor } from '../platform/permissions/actor.ts';
import { type DemoSummary, loadDemo } from './load-demo.ts';

describeEachDialect('symbiont demo', (getDb) => {
  let services: Services;
  let dataDir: string;
  let summary: DemoSummary;
  const secretKey = randomBytes(32);

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-demo-'));
    services = createServices(getDb(), undefined, { secretKey, dataDir });
    summary = await loadDemo(services, { handle: getDb(), config: { secretKey, dataDir, publicUrl: undefined, httpAllow: [] }, days: 7 });
  });
  after(async () => {
    await services.engine.stop(1000);
    await services.sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes the bakery’s workflows and leaves the mailbox one as a draft', async () => {
    const page = await services.workflows.list(cliActor(), { limit: 50 });
    const byName = Object.fromEntries(page.items.map((w) => [w.name, w]));
    for (const name of ['Web-shop orders', 'Daily sales report', 'Catering orders', 'Production list for an order']) {
      assert.equal(byName[name]?.status, 'active', name);
      assert.equal(byName[name]?.publishedVersion, 1, name);
    }
    assert.equal(byName['Supplier invoices to the invoice book']?.status, 'draft');
    assert.deepEqual(summary.workflows, { live: 4, drafts: 1 });
    const credentials = await services.credentials.list(cliActor(), { limit: 10 });
    assert.deepEqual(credentials.items[0]?.rateLimit, { requests: 30, per: 'minute', maxConcurrent: 1 });
  });

  it('ran every live workflow for real: no run failed, and any run still open waits in a delay that ends later', async () => {
    const runs = await getDb()
      .db.selectFrom('runs')
      .innerJoin('workflows', 'workflows.id', 'runs.workflow_id')
      .select(['workflows.name', 'runs.id', 'runs.status', 'runs.next_at', 'runs.created_at'])
      .execute();
    const names = new Set(runs.map((r) => r.name));
    for (const name of ['Web-shop orders', 'Daily sales report', 'Catering orders', 'Production list for an order'])
      assert.ok(names.has(name), name);
    assert.equal(runs.filter((r) => r.status === 'failed' || r.status === 'cancelled').length, 0);
    const open = runs.filter((r) => r.status !== 'succeeded');
    for (const run of open) {
      assert.equal(run.status, 'waiting');
      assert.ok(run.next_at && Date.parse(run.next_at) > Date.now() - 60_000, `${run.name} waits for a time to come`);
      const delayed = await getDb()
        .db.selectFrom('run_steps')
        .select('node_id')
        .where('run_id', '=', run.id)
        .where('status', '=', 'waiting')
        .execute();
      assert.deepEqual(
        delayed.map((s) => s.node_id),
        ['wait'],
      );
    }
    assert.ok(runs.filter((r) => r.status === 'succeeded').length >= 10);
    const days = new Set(runs.map((r) => r.created_at.slice(0, 10)));
    assert.ok(days.size >= 3, `runs spread over ${days.size} days`);
    assert.equal(summary.runs.failed ?? 0, 0);
  });

  it('wrote the sales reports, production sheets and order files into the files folder', () => {
    const files = path.join(dataDir, 'files');
    const reports = readdirSync(path.join(files, 'office', 'sales'));
    assert.ok(reports.length >= 3 && reports.every((f) => /^sales-\d{4}-\d{2}-\d{2}\.csv$/.test(f)), reports.join());
    const first = readFileSync(path.join(files, 'office', 'sales', reports.sort()[0] as string), 'utf8');
    assert.match(first, /^id;orderedAt;customer;items;total\r\nWEB-\d+;/);
    assert.ok(readdirSync(path.join(files, 'orders')).length >= 8);
    assert.ok(existsSync(path.join(files, 'office', 'invoices.xlsx')));
  });

  it('has statistics for the web-shop orders', async () => {
    const shop = (await services.workflows.list(cliActor(), { limit: 50 })).items.find((w) => w.name === 'Web-shop orders');
    const stats = await services.runs.stats(cliActor(), shop?.id as string, 30);
    assert.ok(stats.runs >= 8);
    assert.equal(stats.successRate, 1);
    assert.equal(stats.time.runs, stats.runs);
    assert.ok(stats.byDay.length >= 3);
    assert.deepEqual(
      stats.steps.map((s) => s.nodeId),
      ['order', 'total', 'keep', 'large', 'flag', 'reply'].filter((id) => stats.steps.some((s) => s.nodeId === id)),
    );
  });

  it('answers a new web-shop order afterwards, like the README shows', async () => {
    const app = await createApp(getDb(), {
      config: { bodyLimit: 64 * 1024, trustProxy: false, publicUrl: undefined, secretKey, dataDir },
      logger: createLogger('silent'),
      webDir: null,
    });
    try {
      const res = await app.server.inject({
        method: 'POST',
        url: '/webhooks/crumb-shop-orders',
        headers: { 'content-type': 'application/json' },
        payload: {
          id: 'WEB-99001',
          orderedAt: '2026-11-24T09:30:00+01:00',
          customer: { name: 'Anna Schmidt', email: 'anna@example.com' },
          items: [
            { product: 'Birthday cake', qty: 3, price: 38 },
            { product: 'Croissant', qty: 4, price: 1.9 },
          ],
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json(), { order: 'WEB-99001', total: 121.6, callBack: true });
      assert.match(readFileSync(path.join(dataDir, 'files', 'bakery', 'call-back', 'WEB-99001.txt'), 'utf8'), /Call Anna Schmidt/);
    } finally {
      await app.server.close();
    }
  });

  it('refuses to load into a database that already has people', async () => {
    await assert.rejects(
      loadDemo(services, { handle: getDb(), config: { secretKey, dataDir, publicUrl: undefined, httpAllow: [] }, days: 1 }),
      {
        code: 'CONFLICT',
      },
    );
  });
});
