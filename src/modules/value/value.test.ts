import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { categoryIds, submitIdea } from '../ideas/testing/ideas-fixture.ts';
import { passReviews } from '../ideas/testing/reviews-fixture.ts';
import { createPeople, type People, parkedTask, publish, runEnded, start } from '../tasks/testing/tasks-fixture.ts';

const T0 = '2026-11-24T08:00:00.000Z';
const DAY = 86_400_000;
/** Quick screen of every idea here: 20 a day × 6 minutes → 4,400 cases, 440 h × 0.5 × 0.8 = 176 h, 8,800 a year at 50; 3 min a run. */
const EXPECTED_PER_YEAR = 8_800;

const price = {
  id: 'price',
  type: 'code.javascript',
  name: 'Look up price',
  config: { code: 'if (!input.sku) throw new Error("no SKU"); return { sku: input.sku };' },
  onFailure: 'task',
  exception: { assignees: [{ user: 'alice@bakery.example' }] },
};
const approval = {
  id: 'ok',
  type: 'human.approval',
  name: 'OK?',
  config: { title: 'Refund?', assignees: [{ user: 'alice@bakery.example' }] },
};

/**
 * Measured value from real engine runs: three ideas go live through the pipeline, linked to two
 * published workflows; runs go through the engine, some stopping on an exception or an approval
 * that Alice handles; the figures are checked against values computed by hand.
 */
for (const { dialect, skip } of testDialects()) {
  describe(`value: measured from real runs [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let cats: Record<string, string> = {};
    const idea: Record<'both' | 'intake' | 'refunds', string> = { both: '', intake: '', refunds: '' };
    let intakeWf = '';
    let refundWf = '';

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle, T0);
      cats = await categoryIds(p);
      await p.app.services.roles.assign(cliActor('test'), { userId: p.ids.carol, role: 'approver', scopeType: 'global' });
      p.as.carol = await p.app.login('carol@bakery.example');
      const submit = async (name: string) =>
        (await submitIdea(p.as.alice, cats.Finance ?? '', { name, description: `${name}: done by hand today.`, teamId: p.financeId }))
          .id as string;
      idea.both = await submit('Supplier invoices and refunds');
      idea.intake = await submit('Invoice intake for the shop');
      idea.refunds = await submit('Refunds, "urgent" ones');
      intakeWf = await publish(p, 'Invoice intake', [price], [{ from: 'start', to: 'price' }]);
      refundWf = await publish(p, 'Refund approval', [approval], [{ from: 'start', to: 'ok' }]);
      const move = async (who: 'carol' | 'erin' | 'bob', id: string, phase: string, status: string) => {
        const res = await p.as[who].request({
          method: 'POST',
          url: `/api/v1/ideas/${id}/transitions`,
          payload: { phase, status, reason: 'test' },
        });
        assert.equal(res.statusCode, 200, res.body);
      };
      const links: Record<string, string[]> = { [idea.both]: [intakeWf, refundWf], [idea.intake]: [intakeWf], [idea.refunds]: [refundWf] };
      for (const id of Object.values(idea)) {
        await move('carol', id, 'assessment', 'awaiting_review');
        await move('carol', id, 'qualification', 'awaiting_review');
        await move('erin', id, 'qualification', 'approved');
        assert.equal((await p.as.bob.request({ method: 'POST', url: `/api/v1/ideas/${id}/claim` })).statusCode, 200);
        for (const workflowId of links[id] ?? []) {
          const res = await p.as.bob.request({ method: 'POST', url: `/api/v1/ideas/${id}/workflows`, payload: { workflowId } });
          assert.equal(res.statusCode, 200, res.body);
        }
        for (const phase of ['analysis', 'design', 'build', 'test']) await move('bob', id, phase, 'on_track');
        await passReviews(id, { builder: p.as.bob, approver: p.as.carol, reviewer: p.as.erin });
        await move('carol', id, 'live', 'on_track');
      }
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    const get = (url: string, who: keyof People['as'] = 'zoe') => p.as[who].request({ method: 'GET', url });

    it('lets the builder set the minutes a run saves, and refuses others and bad values, changing nothing', async () => {
      const url = `/api/v1/value/ideas/${idea.both}/settings`;
      assert.equal((await p.as.zoe.request({ method: 'PUT', url, payload: { minutesSavedPerRun: 10 } })).statusCode, 403);
      const negative = await p.as.bob.request({ method: 'PUT', url, payload: { minutesSavedPerRun: -1 } });
      assert.equal(negative.statusCode, 400);
      assert.equal(negative.json().error.code, 'VALIDATION_FAILED');
      assert.equal((await p.as.bob.request({ method: 'PUT', url: '/api/v1/value/ideas/nope/settings', payload: {} })).statusCode, 404);
      assert.equal((await get(url)).json().minutesSavedPerRun, null);
      const ok = await p.as.bob.request({ method: 'PUT', url, payload: { minutesSavedPerRun: 10 } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().minutesSavedPerRun, 10);
      const audit = await handle.db.selectFrom('audit_events').select('after_json').where('action', '=', 'idea.value_settings').execute();
      assert.equal(audit.length, 1);
    });

    it('measures actual value from the runs and the human time on their exception and approval tasks', async () => {
      // Invoice intake: three clean runs, one exception fixed and retried (claimed, 12 minutes), one aborted (not claimed).
      for (const sku of ['A', 'B', 'C']) assert.equal((await runEnded(p, await start(p, intakeWf, { sku }))).status, 'succeeded');
      const fixedRun = await start(p, intakeWf, {});
      const fixTask = await parkedTask(p, fixedRun);
      assert.equal((await p.as.alice.request({ method: 'POST', url: `/api/v1/tasks/${fixTask}/claim` })).statusCode, 200);
      p.app.clock.advance(12 * 60_000);
      const fixed = await p.as.alice.request({
        method: 'POST',
        url: `/api/v1/tasks/${fixTask}/resolve`,
        payload: { action: 'retry', input: { sku: 'D' } },
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.equal((await runEnded(p, fixedRun)).status, 'succeeded');
      const abortedRun = await start(p, intakeWf, {});
      const abortTask = await parkedTask(p, abortedRun);
      assert.equal(
        (await p.as.alice.request({ method: 'POST', url: `/api/v1/tasks/${abortTask}/resolve`, payload: { action: 'abort' } })).statusCode,
        200,
      );
      assert.equal((await runEnded(p, abortedRun)).status, 'failed');
      // Refund approval: one run, approved without a claim.
      const refundRun = await start(p, refundWf, {});
      const approvalTask = await parkedTask(p, refundRun);
      assert.equal(
        (await p.as.alice.request({ method: 'POST', url: `/api/v1/tasks/${approvalTask}/approve`, payload: {} })).statusCode,
        200,
      );
      assert.equal((await runEnded(p, refundRun)).status, 'succeeded');

      // The window: live since T0 up to the end of 25 November → 40 hours.
      const days = (Date.parse('2026-11-26T00:00:00.000Z') - Date.parse(T0)) / DAY;
      const expected = (EXPECTED_PER_YEAR * days) / 365.25;
      // both: 5 succeeded runs × 10 min = 50; human 12 (claimed exception) + 15 (aborted exception, default) + 2 (approval) = 29.
      // intake: 4 succeeded × 3 = 12; human 27. refunds: 1 × 3 = 3; human 2.
      const want = {
        [idea.both]: { runs: 6, succeeded: 5, hours: 21 / 60, human: 29 / 60 },
        [idea.intake]: { runs: 5, succeeded: 4, hours: -15 / 60, human: 27 / 60 },
        [idea.refunds]: { runs: 1, succeeded: 1, hours: 1 / 60, human: 2 / 60 },
      };
      const dash = await get('/api/v1/value/dashboard?from=2026-11-20&to=2026-11-25');
      assert.equal(dash.statusCode, 200, dash.body);
      const body = dash.json();
      for (const [id, w] of Object.entries(want)) {
        const row = body.automations.find((r: { ideaId: string }) => r.ideaId === id);
        assert.ok(row, id);
        assert.equal(row.runs, w.runs);
        assert.equal(row.succeededRuns, w.succeeded);
        assert.ok(Math.abs(row.actualHours - w.hours) < 1e-9, `${row.name}: ${row.actualHours} h`);
        assert.ok(Math.abs(row.humanHours - w.human) < 1e-9);
        assert.ok(Math.abs(row.actual - w.hours * 50) < 1e-9);
        assert.ok(Math.abs(row.expected - expected) < 1e-9);
        assert.ok(Math.abs(row.realisation - (w.hours * 50) / expected) < 1e-9);
        assert.equal(row.source, 'quick-screen');
        assert.equal(row.liveSince, T0);
      }
      assert.equal(body.kpis.live, 3);
      assert.ok(Math.abs(body.kpis.actual - ((21 - 15 + 1) / 60) * 50) < 1e-9);
      assert.deepEqual(
        body.series.map((s: { week: string }) => s.week),
        ['2026-11-16', '2026-11-23'],
      );
      assert.equal(body.series[0].actual, 0);
      assert.ok(Math.abs(body.series[1].actual - body.kpis.actual) < 1e-9);
      assert.deepEqual(body.byPhase, [{ phase: 'live', count: 3 }]);
      assert.equal(body.velocity.submitted, 3);
      assert.equal(body.velocity.medianDaysToLive, 0);
      assert.deepEqual(
        body.contributors.submitters.map((s: { name: string; ideas: number }) => [s.name, s.ideas]),
        [['alice', 3]],
      );
      assert.deepEqual(
        body.contributors.builders.map((b: { name: string; liveAutomations: number }) => [b.name, b.liveAutomations]),
        [['bob', 3]],
      );
      // Median of the three realisations: the refunds one.
      const calibration = body.calibration.find((c: { categoryId: string }) => c.categoryId === cats.Finance);
      assert.equal(calibration.sample, 3);
      assert.ok(Math.abs(calibration.factor - 50 / 60 / expected) < 1e-9);
    });

    it('exposes the calibration factor of a category over the last 90 days, and none for a category without live automations', async () => {
      p.app.clock.set('2026-11-25T08:00:00.000Z');
      const days = (DAY + 1) / DAY; // live since T0, up to and including now
      const factor = await p.app.services.value.calibrationOf(cats.Finance ?? '');
      assert.ok(factor !== null && Math.abs(factor - 50 / 60 / ((EXPECTED_PER_YEAR * days) / 365.25)) < 1e-9, String(factor));
      assert.equal(await p.app.services.value.calibrationOf(cats.IT ?? ''), null);
    });

    it("shows one idea's expected and measured value, and exports the table as CSV with proper escaping", async () => {
      const one = await get(`/api/v1/value/ideas/${idea.both}?from=2026-11-24&to=2026-11-25`);
      assert.equal(one.statusCode, 200, one.body);
      assert.equal(one.json().expected.minutesSavedPerRun, 10);
      assert.equal(one.json().measured.succeededRuns, 5);
      assert.equal(one.json().canEdit, false, 'Zoe is not the builder');
      assert.equal((await get(`/api/v1/value/ideas/${idea.both}`, 'bob')).json().canEdit, true);
      const csv = await get('/api/v1/value/export.csv?from=2026-11-20&to=2026-11-25');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      assert.equal(lines[0]?.split(',')[0], 'idea_id');
      assert.equal(lines.length, 4);
      assert.ok(
        lines.some((l) => l.includes(`${idea.refunds},"Refunds, ""urgent"" ones",process`)),
        csv.body,
      );
    });

    it('refuses a window that ends before it starts, and unknown ideas, teams and categories', async () => {
      const backwards = await get('/api/v1/value/dashboard?from=2026-11-25&to=2026-11-20');
      assert.equal(backwards.statusCode, 400);
      assert.equal(backwards.json().error.code, 'VALIDATION_FAILED');
      assert.equal((await get('/api/v1/value/export.csv?from=2026-11-25&to=2026-11-20')).statusCode, 400);
      assert.equal((await get('/api/v1/value/dashboard?from=yesterday')).statusCode, 400);
      assert.equal((await get('/api/v1/value/ideas/nope')).statusCode, 404);
      assert.equal((await get('/api/v1/value/dashboard?teamId=nope')).statusCode, 404);
      assert.equal((await get('/api/v1/value/dashboard?categoryId=nope')).statusCode, 404);
    });

    it('asks the people of a personal automation every week and counts the medians of their answers', async () => {
      p.as.bob = await p.app.login('bob@bakery.example');
      p.as.zoe = await p.app.login('zoe@bakery.example');
      p.as.carol = await p.app.login('carol@bakery.example');
      const answer = (who: 'bob' | 'zoe' | 'carol', minutesPerWeek: number) =>
        p.as[who].request({ method: 'POST', url: `/api/v1/value/ideas/${idea.refunds}/answers`, payload: { minutesPerWeek } });
      const notPersonal = await answer('bob', 30);
      assert.equal(notPersonal.json().error.code, 'VALUE_NOT_PERSONAL');
      const support = await p.as.zoe.request({
        method: 'POST',
        url: `/api/v1/ideas/${idea.refunds}/me-too`,
        payload: { frequencyPeriod: 'week', frequencyCount: 1, minutesPerCase: 5, note: '' },
      });
      assert.equal(support.statusCode, 204, support.body);
      const set = await p.as.bob.request({
        method: 'PUT',
        url: `/api/v1/value/ideas/${idea.refunds}/settings`,
        payload: { kind: 'personal' },
      });
      assert.equal(set.statusCode, 200, set.body);
      assert.deepEqual(await p.app.services.valuePrompts.tick(), { prompted: 1, notified: 2 });
      assert.deepEqual(await p.app.services.valuePrompts.tick(), { prompted: 0, notified: 0 }, 'not due again yet');
      const bobs = (await get('/api/v1/notifications', 'bob')).json().items.filter((n: { kind: string }) => n.kind === 'value.prompt');
      assert.equal(bobs.length, 1);
      assert.equal(bobs[0].link, `/ideas/${idea.refunds}#value`);
      assert.equal((await answer('carol', 10)).statusCode, 403, 'Carol neither built nor supports it');
      assert.equal((await answer('bob', -5)).statusCode, 400);
      assert.equal((await answer('bob', 30)).statusCode, 201);
      assert.equal((await answer('zoe', 60)).statusCode, 201);
      p.app.clock.advance(7 * DAY);
      p.as.bob = await p.app.login('bob@bakery.example');
      assert.deepEqual(await p.app.services.valuePrompts.tick(), { prompted: 1, notified: 2 });
      assert.equal((await answer('bob', 50)).statusCode, 201);
      // Bob: median(30, 50) = 40; Zoe: 60 → 100 minutes a week → 1.667 h, 83.33 a week at 50.
      const from = Date.parse(T0);
      const to = Date.parse('2026-12-03T00:00:00.000Z');
      const days = (to - from) / DAY;
      const one = (await get(`/api/v1/value/ideas/${idea.refunds}?from=2026-11-24&to=2026-12-02`, 'bob')).json();
      assert.equal(one.canAnswer, true);
      assert.equal(one.measured.kind, 'personal');
      assert.ok(Math.abs(one.measured.actual - ((100 / 60) * 50 * days) / 7) < 1e-9, String(one.measured.actual));
      assert.deepEqual(
        one.myAnswers.map((a: { minutesPerWeek: number }) => a.minutesPerWeek),
        [30, 50],
      );
    });

    it('counts the minutes people say a decision took instead of the default, and refuses impossible ones', async () => {
      p.as.alice = await p.app.login('alice@bakery.example'); // a week later: sessions renewed
      p.as.zoe = await p.app.login('zoe@bakery.example');
      const run = await start(p, intakeWf, {});
      const task = await parkedTask(p, run);
      const url = `/api/v1/tasks/${task}/resolve`;
      for (const minutesSpent of [-1, 1441, 2.5]) {
        const bad = await p.as.alice.request({ method: 'POST', url, payload: { action: 'retry', input: { sku: 'E' }, minutesSpent } });
        assert.equal(bad.statusCode, 400, `${minutesSpent}: ${bad.body}`);
        assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
      }
      const ok = await p.as.alice.request({ method: 'POST', url, payload: { action: 'retry', input: { sku: 'E' }, minutesSpent: 9 } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal((await runEnded(p, run)).status, 'succeeded');
      const decision = await handle.db
        .selectFrom('task_decisions')
        .select('minutes_spent')
        .where('task_id', '=', task)
        .executeTakeFirstOrThrow();
      assert.equal(decision.minutes_spent, 9);
      // Today's only run: 3 minutes saved, 9 minutes of Alice's work (not the unclaimed exception's default 15).
      const day = p.app.clock.now().toISOString().slice(0, 10);
      const one = (await get(`/api/v1/value/ideas/${idea.intake}?from=${day}&to=${day}`)).json();
      assert.equal(one.measured.succeededRuns, 1);
      assert.ok(Math.abs(one.measured.humanHours - 9 / 60) < 1e-9, String(one.measured.humanHours));
      assert.ok(Math.abs(one.measured.actualHours - (3 - 9) / 60) < 1e-9, String(one.measured.actualHours));
    });
  });
}
