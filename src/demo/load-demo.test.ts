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
import { DEMO_IDEAS } from './demo-ideas-catalog.ts';
import { type DemoSummary, loadDemo } from './load-demo.ts';

const PEOPLE_WORKFLOWS = ['Supplier invoice approval', 'Wholesale orders'];
const countBy = (keys: string[]) => {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
};

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
    for (const name of ['Supplier invoice approval', 'Wholesale orders']) assert.equal(byName[name]?.status, 'active', name);
    assert.deepEqual(summary.workflows, { live: 6, drafts: 1 });
    const credentials = await services.credentials.list(cliActor(), { limit: 10 });
    assert.deepEqual(credentials.items[0]?.rateLimit, { requests: 30, per: 'minute', maxConcurrent: 1 });
  });

  it('ran every machine-only workflow for real: no run failed, and any run still open waits in a delay that ends later', async () => {
    const runs = (
      await getDb()
        .db.selectFrom('runs')
        .innerJoin('workflows', 'workflows.id', 'runs.workflow_id')
        .select(['workflows.name', 'runs.id', 'runs.status', 'runs.next_at', 'runs.created_at'])
        .execute()
    ).filter((r) => !PEOPLE_WORKFLOWS.includes(r.name));
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
  });

  it('left people work: decided and escalated approvals, resolved exceptions, and open tasks in the inbox', async () => {
    const db = getDb().db;
    const tasks = await db
      .selectFrom('tasks')
      .innerJoin('runs', 'runs.id', 'tasks.run_id')
      .select(['tasks.id', 'tasks.kind', 'tasks.status', 'tasks.outcome', 'tasks.escalated_at', 'runs.status as run_status'])
      .execute();
    const decisions = await db.selectFrom('task_decisions').select(['task_id', 'actor_label', 'decision']).execute();
    const approvals = tasks.filter((t) => t.kind === 'approval');
    const exceptions = tasks.filter((t) => t.kind === 'exception');
    assert.ok(
      approvals.some((t) => t.status === 'done'),
      'some approvals decided',
    );
    assert.ok(
      tasks.some((t) => t.status === 'open'),
      'open tasks left in the inbox',
    );
    assert.deepEqual(summary.openTasks, countBy(tasks.filter((t) => t.status === 'open' || t.status === 'claimed').map((t) => t.kind)));
    // Every decided approval's run went on: approved ones paid, rejected ones asked for a credit note.
    for (const t of approvals.filter((a) => a.status === 'done')) assert.equal(t.run_status, 'succeeded', t.id);
    for (const t of approvals.filter((a) => a.status === 'open')) assert.equal(t.run_status, 'waiting', t.id);
    // Decisions after the SLA were taken by the office manager, who was added by the escalation.
    const escalated = approvals.filter((t) => t.escalated_at && t.status === 'done');
    for (const t of escalated)
      assert.ok(
        decisions.some((d) => d.task_id === t.id && /Amira/.test(d.actor_label)),
        t.id,
      );
    // Exceptions: retried and skipped ones finished their run, aborted ones failed it — and only those failed.
    const resolved = exceptions.filter((t) => t.status === 'done');
    assert.ok(resolved.length > 0, 'some exceptions resolved');
    for (const t of resolved) assert.equal(t.run_status, t.outcome === 'abort' ? 'failed' : 'succeeded', `${t.id} ${t.outcome}`);
    const failed = await db.selectFrom('runs').select('id').where('status', '=', 'failed').execute();
    assert.equal(failed.length, resolved.filter((t) => t.outcome === 'abort').length);
    const paid = readdirSync(path.join(dataDir, 'files', 'office', 'payments'));
    assert.ok(paid.length >= approvals.filter((t) => t.outcome === 'approved').length);
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

  it('imported the order-to-delivery log for the process audit, with its bottleneck', async () => {
    assert.equal(summary.eventLog.name, 'Order to delivery (bakery)');
    assert.ok(summary.eventLog.cases >= 1500 && summary.eventLog.events > 15_000, JSON.stringify(summary.eventLog));
    const logs = await services.eventLogs.list(cliActor(), { limit: 10 });
    assert.equal(logs.items.length, 1);
    const log = await services.eventLogs.load(cliActor(), logs.items[0]?.id as string);
    assert.ok(log.activities.includes('Hand to courier'));
    assert.ok(existsSync(path.join(dataDir, 'files', 'office', 'order-to-delivery.csv')));
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

  it('has the people’s ideas in every phase, voted and discussed, two live on the demo’s workflows', async () => {
    const db = getDb().db;
    const ideas = await db.selectFrom('ideas').select(['id', 'name', 'phase', 'status', 'votes_count', 'builder_id']).execute();
    assert.equal(ideas.length, DEMO_IDEAS.length);
    assert.deepEqual(countBy(ideas.map((i) => i.phase)), countBy(DEMO_IDEAS.map((i) => i.stage.phase)));
    for (const demo of DEMO_IDEAS) {
      const row = ideas.find((i) => i.name === demo.name);
      assert.equal(`${row?.phase}/${row?.status}`, `${demo.stage.phase}/${demo.stage.status}`, demo.key);
      assert.equal(row?.builder_id !== null, demo.builder !== undefined && demo.stage.phase !== 'idea', demo.key);
    }
    assert.ok(ideas.reduce((n, i) => n + i.votes_count, 0) > 30);
    const links = await db
      .selectFrom('idea_workflows')
      .innerJoin('ideas', 'ideas.id', 'idea_workflows.idea_id')
      .innerJoin('workflows', 'workflows.id', 'idea_workflows.workflow_id')
      .select(['ideas.phase', 'workflows.name'])
      .execute();
    assert.deepEqual(links.map((l) => `${l.phase}: ${l.name}`).sort(), ['live: Supplier invoice approval', 'live: Web-shop orders']);
    const transitions = await db.selectFrom('idea_transitions').select(['created_at']).execute();
    assert.ok(transitions.length > 60);
    // The web-shop automation is a template the shop built on, rated by two people.
    const templates = await services.templates.list(cliActor(), { limit: 10, sort: 'uses', includeArchived: false });
    assert.deepEqual(
      templates.items.map((t) => [t.name, t.uses, t.ratingCount]),
      [['Orders from a webhook, totalled and filed', 1, 2]],
    );
  });

  it('assessed every idea that reached Qualification, and reviewed both live ones before they went live', async () => {
    const db = getDb().db;
    const assessed = await db
      .selectFrom('idea_assessments')
      .innerJoin('ideas', 'ideas.id', 'idea_assessments.idea_id')
      .select(['ideas.phase', 'idea_assessments.verdict', 'idea_assessments.ease_bucket'])
      .execute();
    const beyond = DEMO_IDEAS.filter((i) => !['idea', 'assessment'].includes(i.stage.phase));
    assert.equal(assessed.length, beyond.length);
    assert.ok(new Set(assessed.map((a) => a.ease_bucket)).size >= 2, 'ideas differ in ease');
    const reviews = await db
      .selectFrom('idea_reviews')
      .innerJoin('ideas', 'ideas.id', 'idea_reviews.idea_id')
      .select(['ideas.name', 'idea_reviews.kind', 'idea_reviews.status'])
      .execute();
    assert.deepEqual(reviews.map((r) => `${r.name}: ${r.kind} ${r.status}`).sort(), [
      'Approve supplier invoices without the paper folder: business approved',
      'Approve supplier invoices without the paper folder: technical approved',
      'Web-shop orders straight into the production list: business approved',
      'Web-shop orders straight into the production list: technical approved',
    ]);
  });

  it('measures the realised value of the two live automations from their runs', async () => {
    const dashboard = await services.value.dashboard(cliActor(), {});
    assert.equal(dashboard.kpis.live, 2);
    assert.deepEqual([summary.ideas.total, summary.ideas.live], [DEMO_IDEAS.length, 2]);
    assert.ok(summary.ideas.realisedHours > 0);
    assert.ok(dashboard.kpis.actual > 0, `realised ${dashboard.kpis.actual}`);
    const live = dashboard.automations.filter((a) => a.liveSince !== null);
    assert.equal(live.length, 2);
    for (const a of live) {
      assert.ok(a.succeededRuns > 0 && a.actual > 0 && a.realisation !== null, `${a.name}: ${JSON.stringify(a)}`);
      assert.equal(a.source, 'assessment');
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
