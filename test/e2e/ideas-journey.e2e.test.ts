import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { App } from '../../src/app.ts';
import { cliActor } from '../../src/platform/permissions/actor.ts';
import { chromiumUnavailableReason } from './browser.ts';
import { type E2eServer, signIn, startE2eServer } from './e2e-server.ts';

const PASSWORD = 'a-long-e2e-passphrase';
const MIA = { email: 'mia@crumb.example', name: 'Mia Member' };
const ADA = { email: 'ada@crumb.example', name: 'Ada Approver' };
const BEN = { email: 'ben@crumb.example', name: 'Ben Builder' };
const PAT = { email: 'pat@crumb.example', name: 'Pat Programme' };
const IDEA = 'Supplier invoices typed into accounting';
const MINUTES_PER_CASE = 12;

/**
 * Issue 6's journey, person by person, in Chromium: a member submits an idea and sees its score
 * explained and a similar idea; an approver qualifies it; a builder claims it and links a
 * workflow; the reviews pass; the workflow runs; the value dashboard shows the realised value.
 */
describe('an idea from submission to realised value in Chromium', {
  skip: chromiumUnavailableReason() ?? undefined,
  timeout: 240_000,
}, () => {
  let server: E2eServer;
  let app: App;
  let base: string;
  let page: Page;
  let ideaId = '';
  const as = (email: string) => app.services.directory.actorForEmail(email, 'e2e');
  const open = async (who: { email: string }, path: string) => {
    await page.context().clearCookies();
    await signIn(page, base, who.email, PASSWORD);
    await page.goto(`${base}${path}`);
  };
  const move = async (name: RegExp, reason: string) => {
    const moves = page.getByTestId('idea-moves');
    await moves.getByRole('button', { name }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Reason/).fill(reason);
    await dialog.getByRole('button', { name: 'Move' }).click();
    await moves.getByText(reason).waitFor();
  };
  /** One delivery to the workflow's webhook, over HTTP, answered after the run is recorded. */
  const deliver = async (n: number) => {
    const res = await fetch(`${base}/webhooks/journey-invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invoice: `INV-${n}`, amount: 100 + n }),
    });
    assert.equal(res.status, 200, await res.text());
  };

  before(async () => {
    server = await startE2eServer({ prefix: 'ideas-journey', setupAdmin: true });
    ({ app, base, page } = server);
    const operator = cliActor('e2e');
    const team = await app.services.teams.create(operator, { name: 'Finance', description: '' });
    for (const [who, roles] of [
      [MIA, []],
      [ADA, ['approver']],
      [BEN, ['builder']],
      [PAT, ['programme_manager']],
    ] as const)
      await app.services.users.create(operator, {
        ...who,
        password: PASSWORD,
        teamIds: [team.id],
        roles: roles.map((role) => ({ role, scopeType: 'global' as const })),
      });
    const finance = (await app.services.ideaCategories.list(operator)).find((c) => c.name === 'Finance');
    // Someone else proposed much the same a while ago.
    await app.services.ideas.submit(await as(ADA.email), {
      name: 'Copy supplier invoices into accounting',
      description: 'Every morning supplier invoices from e-mail are retyped into the accounting system.',
      categoryId: finance?.id ?? '',
      teamId: team.id,
      painPoints: '',
      applications: [],
      frequencyPeriod: 'day',
      frequencyCount: 10,
      minutesPerCase: 5,
      screen: { rules: 4, digital: 4, structured: 3, change: 2, documentation: 3 },
    });
    // The builder's published workflow for supplier invoices, owned by the team.
    const ben = await as(BEN.email);
    const wf = await app.services.workflows.create(ben, {
      name: 'Invoice intake',
      teamId: team.id,
      definition: {
        schemaVersion: 1,
        nodes: [
          { id: 'in', type: 'trigger.webhook', name: 'Invoice received', config: { path: 'journey-invoices', mode: 'sync' } },
          {
            id: 'book',
            type: 'logic.transform',
            name: 'Booking line',
            config: { expression: 'body.{ "invoice": invoice, "net": amount / 1.19 }' },
          },
          { id: 'reply', type: 'logic.respond', name: 'Reply', config: { status: 200, body: '{{ $nodes.book.output }}' } },
        ],
        edges: [
          { from: 'in', to: 'book' },
          { from: 'book', to: 'reply' },
        ],
      },
    });
    await app.services.workflows.publish(ben, wf.id, 'first version');
  });
  after(async () => {
    await server?.close();
  });

  it('a member submits an idea and sees its score explained and a similar idea', async () => {
    await open(MIA, '/ideas');
    await page.getByRole('button', { name: 'Submit an idea' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill(IDEA);
    await dialog.getByLabel(/^What happens today/).fill('Supplier invoices arrive by e-mail and are retyped into accounting by hand.');
    await dialog.getByLabel(/^Category/).click();
    await page.getByRole('option', { name: 'Finance' }).click();
    await dialog.getByLabel(/^How many cases/).fill('15');
    await dialog.getByLabel(/^Minutes per case/).fill(String(MINUTES_PER_CASE));
    const similar = dialog.getByTestId('similar-ideas');
    await similar.getByText('Copy supplier invoices into accounting').waitFor();
    const score = dialog.getByTestId('idea-score');
    await score.getByText(/^Idea score \d+ \/ 100$/).waitFor();
    // Each factor's part of the score, and how to raise it.
    assert.equal(await score.getByText(/^\+[\d.]+ of [\d.]+$/).count(), 5);
    assert.ok((await score.getByText(/per step:/).count()) > 0, 'hints to raise the score');
    await dialog.getByRole('button', { name: 'Submit idea' }).click();
    await page.getByTestId('ideas-table').getByRole('link', { name: IDEA }).click();
    await page.waitForURL(/\/ideas\/[^/]+$/);
    ideaId = page.url().split('/').pop() ?? '';
    assert.ok(ideaId.length > 0);
  });

  it('an approver qualifies it', async () => {
    await open(ADA, `/ideas/${ideaId}`);
    await move(/^review: assessment · awaiting review$/, 'Worth a closer look.');
    await move(/^qualify: qualification · awaiting review$/, 'Assessed: clear rules, daily volume.');
    await move(/^qualify: qualification · approved$/, 'Approved for building.');
    const idea = await app.services.ideas.get(cliActor('e2e'), ideaId);
    assert.deepEqual([idea.phase, idea.status], ['qualification', 'approved']);
  });

  it('a builder claims it, links the workflow and asks for the business review', async () => {
    await open(BEN, `/ideas/${ideaId}`);
    const card = page.getByTestId('idea-build');
    await card.getByRole('button', { name: 'Claim to build' }).click();
    await card.getByText(`Builder: ${BEN.name}`).waitFor();
    await card.getByLabel('Link an existing workflow').click();
    await page.getByRole('option', { name: 'Invoice intake' }).click();
    await card.getByRole('button', { name: 'Link', exact: true }).click();
    await card.getByTestId('idea-build-workflows').getByRole('link', { name: 'Invoice intake' }).waitFor();
    for (const phase of ['analysis', 'design', 'build'] as const)
      await app.services.ideaPipeline.transition(await as(BEN.email), ideaId, { phase, status: 'on_track', reason: 'Building' });
    await page.reload();
    await card.getByRole('button', { name: 'Submit for business review' }).click();
    await card.getByTestId('business-review').getByText('pending · round 1').waitFor();
  });

  it('the reviews pass after test runs, and the approver puts it live', async () => {
    await open(ADA, `/ideas/${ideaId}`);
    const card = page.getByTestId('idea-build');
    await card.getByRole('button', { name: 'Approve business review' }).click();
    await card.getByTestId('business-review').getByText('approved · round 1').waitFor();

    for (let n = 1; n <= 3; n++) await deliver(n);
    await app.services.ideaPipeline.transition(await as(BEN.email), ideaId, { phase: 'test', status: 'on_track', reason: 'Tested' });
    await open(BEN, `/ideas/${ideaId}`);
    await card.getByText('3 / 3 succeeded').waitFor();
    await card.getByRole('button', { name: 'Submit for technical review' }).click();
    await card.getByTestId('technical-review').getByText('pending · round 1').waitFor();

    await open(PAT, `/ideas/${ideaId}`);
    const checklist = card.getByTestId('technical-checklist');
    for (const item of ['error handling', 'credentials', 'owner', 'test runs']) {
      await checklist.getByRole('button', { name: `Confirm ${item}` }).click();
      await checklist.getByRole('button', { name: `Confirm ${item}` }).waitFor({ state: 'detached' });
    }
    await checklist.getByRole('combobox', { name: 'Data class' }).click();
    await page.getByRole('option', { name: 'internal' }).click();
    await checklist.getByRole('button', { name: 'Confirm data class' }).click();
    await checklist.locator('[data-item="data_class"]').getByText('passed').waitFor();
    await card.getByRole('button', { name: 'Approve technical review' }).click();
    await card.getByText('Ready to go Live').waitFor();

    await open(ADA, `/ideas/${ideaId}`);
    await move(/^go live: live · on track$/, 'Reviewed and tested: live.');
  });

  it('after runs, the value dashboard shows the value it realised', async () => {
    // Runs after going live count; each saves the quick screen's minutes × 0.5 (no assessment).
    const runsLive = 4;
    for (let n = 10; n < 10 + runsLive; n++) await deliver(n);
    const realised = Math.round(((runsLive * MINUTES_PER_CASE * 0.5) / 60) * 50); // at the default 50 an hour
    await open(PAT, '/value');
    const kpis = page.getByTestId('value-kpis');
    await kpis.getByText('Live automations').waitFor();
    await kpis.getByText(String(realised), { exact: true }).waitFor();
    const row = page.getByTestId('value-automations').getByRole('row', { name: new RegExp(IDEA) });
    await row.getByText(`${runsLive} (${runsLive})`).waitFor();
    await page.getByTestId('value-builders').getByText(BEN.name).waitFor();
    await page.getByTestId('value-submitters').getByText(MIA.name).waitFor();
  });
});
