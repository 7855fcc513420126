import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { passReviewsAs } from '../../src/modules/ideas/testing/reviews-fixture.ts';
import type { Actor } from '../../src/platform/permissions/actor.ts';
import { chromiumUnavailableReason } from './browser.ts';
import { ADMIN, type E2eServer, signIn, startE2eServer } from './e2e-server.ts';

/**
 * The value dashboard in Chromium after real runs: an idea goes live through the pipeline with a
 * published workflow linked, the engine runs it twice (one run stops on an approval the
 * administrator gives), and the dashboard and the idea page show the realised value.
 */
describe('the value dashboard in Chromium', { skip: chromiumUnavailableReason() ?? undefined, timeout: 180_000 }, () => {
  let server: E2eServer;
  let base: string;
  let page: Page;
  let ideaId = '';

  before(async () => {
    server = await startE2eServer({ prefix: 'value', setupAdmin: true });
    ({ base, page } = server);
    const s = server.app.services;
    const db = server.app.handle.db;
    const user = await db.selectFrom('users').select('id').where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
    const actor: Actor = {
      type: 'user',
      userId: user.id,
      label: ADMIN.name,
      grants: [{ role: 'admin', scopeType: 'global', scopeId: null }],
      tokenScopes: null,
      requestId: null,
      ip: null,
    };
    const finance = await db.selectFrom('idea_categories').select('id').where('name', '=', 'Finance').executeTakeFirstOrThrow();
    const idea = await s.ideas.submit(actor, {
      name: 'Refund approvals',
      description: 'Refund requests are checked and approved by hand.',
      categoryId: finance.id,
      painPoints: '',
      applications: [],
      frequencyPeriod: 'day',
      frequencyCount: 20,
      minutesPerCase: 6,
      screen: { rules: 5, digital: 4, structured: 4, change: 1, documentation: 3 },
    });
    ideaId = idea.id;
    const move = (phase: string, status: string) =>
      s.ideaPipeline.transition(actor, ideaId, { phase, status, reason: 'e2e' } as Parameters<typeof s.ideaPipeline.transition>[2]);
    await move('assessment', 'awaiting_review');
    await move('qualification', 'awaiting_review');
    await move('qualification', 'approved');
    await s.ideaPipeline.claim(actor, ideaId);
    const wf = await s.workflows.create(actor, {
      name: 'Refunds',
      definition: {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'trigger.manual', name: 'Start' },
          { id: 'check', type: 'logic.if', name: 'Big refund?' },
          { id: 'done', type: 'logic.noop', name: 'Done' },
          {
            id: 'ok',
            type: 'human.approval',
            name: 'Approve',
            config: { title: 'Refund?', assignees: [{ user: ADMIN.email }], barInitiator: false },
          },
        ],
        edges: [
          { from: 'start', to: 'check' },
          { from: 'check', to: 'ok', kind: 'branch', condition: 'amount > 100' },
          { from: 'check', to: 'done' },
        ],
      },
    });
    await s.workflows.publish(actor, wf.id, 'e2e');
    await s.ideaPipeline.linkWorkflow(actor, ideaId, wf.id);
    for (const phase of ['analysis', 'design', 'build', 'test']) await move(phase, 'on_track');
    // A second person decides the reviews (never the builder), then the idea goes live.
    const reviewer = await s.users.create(actor, {
      email: 'pm@value.test',
      name: 'Pat Manager',
      password: 'a-long-enough-password',
      teamIds: [],
      roles: [{ role: 'programme_manager', scopeType: 'global' }],
    });
    await passReviewsAs(s, ideaId, actor, await s.directory.actorForUser(reviewer.id, (name) => name));
    await move('live', 'on_track');
    await s.value.updateSettings(actor, ideaId, { minutesSavedPerRun: 30 });
    const small = await s.workflows.startRun(actor, wf.id, { input: { amount: 20 } });
    const big = await s.workflows.startRun(actor, wf.id, { input: { amount: 500 } });
    const ended = async (runId: string) => {
      for (;;) {
        const run = await db.selectFrom('runs').select(['status', 'error_json']).where('id', '=', runId).executeTakeFirstOrThrow();
        if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return `${run.status}${run.error_json ? `: ${run.error_json}` : ''}`;
        const task = await db.selectFrom('tasks').select('id').where('run_id', '=', runId).where('status', '=', 'open').executeTakeFirst();
        if (task) await s.tasks.approve(actor, task.id, 'fine');
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    assert.equal(await ended(small.runId), 'succeeded');
    assert.equal(await ended(big.runId), 'succeeded');
  });
  after(async () => {
    await server?.close();
  });

  it('shows realised value on the dashboard and the idea page, and exports it', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Value' }).first().click();
    await page.waitForURL(/\/value$/);
    // 2 succeeded runs × 30 min = 1 h; the approval (no claim) costs 2 min → 58 min saved = 48.33 at 50 an hour.
    const kpis = page.getByTestId('value-kpis');
    await kpis.getByText('Live automations').waitFor();
    await kpis.getByText('48', { exact: true }).waitFor();
    await kpis.getByText('1 h', { exact: true }).waitFor();
    const table = page.getByTestId('value-automations');
    const row = table.getByRole('row', { name: /Refund approvals/ });
    await row.getByText('2 (2)').waitFor();
    await page.getByTestId('value-builders').getByText(ADMIN.name).waitFor();
    await page.getByTestId('value-charts').getByRole('img', { name: 'Estimated and realised value per week' }).waitFor();
    const csv = await page.evaluate(async () => {
      const href = document.querySelector('a[download]')?.getAttribute('href') ?? '';
      return (await fetch(href)).text();
    });
    assert.match(csv, /^idea_id,name,/);
    assert.match(csv, new RegExp(`${ideaId},Refund approvals,process,`));

    await row.getByRole('link', { name: 'Refund approvals' }).click();
    await page.waitForURL(new RegExp(`/ideas/${ideaId}$`));
    const card = page.getByTestId('idea-value');
    await card.getByTestId('idea-value-actual').getByText('48', { exact: true }).waitFor();
    await card.getByText('(adjusted)').waitFor();
  });
});
