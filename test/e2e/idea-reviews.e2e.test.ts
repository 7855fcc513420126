import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { App } from '../../src/app.ts';
import { waitForRun } from '../../src/engine/testing/engine-fixture.ts';
import { cliActor } from '../../src/platform/permissions/actor.ts';
import { chromiumUnavailableReason } from './browser.ts';
import { type E2eServer, signIn, startE2eServer } from './e2e-server.ts';

const PASSWORD = 'a-long-e2e-passphrase';
const BEA = { email: 'bea@crumb.example', name: 'Bea Builder' };
const CARL = { email: 'carl@crumb.example', name: 'Carl Approver' };
const MIA = { email: 'mia@crumb.example', name: 'Mia Manager' };

describe('building an idea through its reviews in Chromium', { skip: chromiumUnavailableReason() ?? undefined, timeout: 180_000 }, () => {
  let server: E2eServer;
  let app: App;
  let base: string;
  let page: Page;
  let ideaId = '';
  const as = (email: string) => app.services.directory.actorForEmail(email, 'e2e');

  before(async () => {
    server = await startE2eServer({ prefix: 'idea-reviews', setupAdmin: true });
    ({ app, base, page } = server);
    const operator = cliActor('e2e');
    const team = await app.services.teams.create(operator, { name: 'Finance', description: '' });
    for (const [who, role] of [
      [BEA, 'builder'],
      [CARL, 'approver'],
      [MIA, 'programme_manager'],
    ] as const)
      await app.services.users.create(operator, { ...who, password: PASSWORD, teamIds: [team.id], roles: [{ role, scopeType: 'global' }] });
    const finance = (await app.services.ideaCategories.list(operator)).find((c) => c.name === 'Finance');
    const idea = await app.services.ideas.submit(await as(BEA.email), {
      name: 'Copy supplier invoices into accounting',
      description: 'Every morning we retype supplier invoices from e-mail into the accounting system.',
      categoryId: finance?.id ?? '',
      teamId: team.id,
      painPoints: '',
      applications: [],
      frequencyPeriod: 'day',
      frequencyCount: 20,
      minutesPerCase: 6,
      screen: { rules: 5, digital: 4, structured: 3, change: 2, documentation: 3 },
    });
    ideaId = idea.id;
    const carl = await as(CARL.email);
    const bea = await as(BEA.email);
    for (const [who, phase, status] of [
      [carl, 'assessment', 'awaiting_review'],
      [carl, 'qualification', 'awaiting_review'],
      [carl, 'qualification', 'approved'],
      [bea, 'analysis', 'on_track'],
      [bea, 'design', 'on_track'],
      [bea, 'build', 'on_track'],
    ] as const)
      await app.services.ideaPipeline.transition(who, ideaId, { phase, status, reason: 'On its way' });
  });
  after(async () => {
    await server?.close();
  });

  async function openAs(who: { email: string }) {
    await page.context().clearCookies();
    await signIn(page, base, who.email, PASSWORD);
    await page.goto(`${base}/ideas/${ideaId}`);
    return page.getByTestId('idea-build');
  }

  it('lets the builder claim the idea, create its workflow and submit it for business review', async () => {
    const card = await openAs(BEA);
    await card.getByRole('button', { name: 'Claim to build' }).click();
    await card.getByText(`Builder: ${BEA.name}`).waitFor();
    await card.getByRole('button', { name: 'Create a workflow for this idea' }).click();
    await card.getByTestId('idea-build-workflows').getByRole('link', { name: 'Copy supplier invoices into accounting' }).waitFor();
    await card.getByText('0 / 3 succeeded').waitFor();
    await card.getByRole('button', { name: 'Submit for business review' }).click();
    await card.getByTestId('business-review').getByText('pending · round 1').waitFor();
    // The builder never decides their own review.
    assert.equal(await card.getByRole('button', { name: 'Approve business review' }).count(), 0);
  });

  it('lets the approver approve the business review with a note', async () => {
    const card = await openAs(CARL);
    await card.getByLabel(/^Note on the business review/).fill('Does what the finance team asked.');
    await card.getByRole('button', { name: 'Approve business review' }).click();
    await card.getByTestId('business-review').getByText('approved · round 1').waitFor();
    await card.getByText(/business review, round 1: .*approved by .*Does what the finance team asked\./).waitFor();
  });

  it('lets a manager work the technical checklist after test runs and approve; then the idea goes Live', async () => {
    // The builder finishes the workflow, publishes it and runs it three times through the engine.
    const bea = await as(BEA.email);
    const { workflows } = await app.services.ideaReviews.get(bea, ideaId);
    const workflowId = workflows[0]?.id ?? '';
    await app.services.workflows.update(bea, workflowId, {
      definition: {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'trigger.manual', name: 'Start' },
          { id: 'shape', type: 'logic.transform', name: 'Shape', config: { expression: '{"booked": true}' } },
        ],
        edges: [{ from: 'start', to: 'shape' }],
      },
    });
    await app.services.workflows.publish(bea, workflowId, 'first version');
    for (let i = 0; i < 3; i++) {
      const { runId } = await app.services.workflows.startRun(bea, workflowId, {});
      assert.equal((await waitForRun(app.handle, runId)).status, 'succeeded');
    }
    await app.services.ideaPipeline.transition(bea, ideaId, { phase: 'test', status: 'on_track', reason: 'Built' });
    let card = await openAs(BEA);
    await card.getByText('3 / 3 succeeded').waitFor();
    await card.getByRole('button', { name: 'Submit for technical review' }).click();
    await card.getByTestId('technical-review').getByText('pending · round 1').waitFor();

    card = await openAs(MIA);
    const checklist = card.getByTestId('technical-checklist');
    await checklist.getByText('✓ Test runs').waitFor();
    await checklist.getByText(/3 succeeded run\(s\) of version 1/).waitFor();
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

    const moves = page.getByTestId('idea-moves');
    await moves.getByRole('button', { name: /go live: live · on track/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Reason/).fill('Reviewed and tested.');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await moves.getByText('Reviewed and tested.').waitFor();
    const idea = await page.evaluate(async (id) => (await (await fetch(`/api/v1/ideas/${id}`)).json()) as { phase: string }, ideaId);
    assert.equal(idea.phase, 'live');
  });
});
