import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumUnavailableReason } from './browser.ts';
import { ADMIN, type E2eServer, signIn, startE2eServer } from './e2e-server.ts';

describe('submitting ideas in Chromium', { skip: chromiumUnavailableReason() ?? undefined, timeout: 120_000 }, () => {
  let server: E2eServer;
  let base: string;
  let page: Page;

  before(async () => {
    server = await startE2eServer({ prefix: 'ideas', setupAdmin: true });
    ({ base, page } = server);
  });
  after(async () => {
    await server?.close();
  });

  async function fillDraft(name: string, description: string) {
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill(name);
    await dialog.getByLabel(/^What happens today/).fill(description);
    return dialog;
  }

  it('submits an idea from the guided form, with its live score', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Ideas' }).first().click();
    await page.getByText('No ideas yet.').waitFor();
    await page.getByRole('button', { name: 'Submit an idea' }).click();
    const dialog = await fillDraft(
      'Copy supplier invoices into accounting',
      'Every morning we retype supplier invoices from e-mail into the accounting system.',
    );
    await dialog.getByLabel(/^Category/).click();
    await page.getByRole('option', { name: 'Finance' }).click();
    // The starting answers 3, 3, 3, change 2, 3: 100 × (.5 + .5 + .5 + .75 + .5) / 5 = 55.
    await dialog.getByTestId('idea-score').getByText('Idea score 55 / 100').waitFor();
    await dialog.getByRole('button', { name: 'Submit idea' }).click();
    await page.getByTestId('ideas-table').getByText('Copy supplier invoices into accounting').waitFor();
    const ideas = await page.evaluate(async () => (await (await fetch('/api/v1/ideas')).json()).items);
    assert.equal(ideas.length, 1);
    assert.equal(ideas[0].score, 55);
    assert.equal(ideas[0].categoryName, 'Finance');
  });

  it('shows the similar idea before saving, and warns when a major change is expected', async () => {
    await page.getByRole('button', { name: 'Submit an idea' }).click();
    const dialog = await fillDraft('Supplier invoices typed into accounting', 'invoices from e-mail retyped by hand');
    await dialog.getByTestId('similar-ideas').getByText('Copy supplier invoices into accounting').waitFor();
    await dialog.getByLabel('How much change is expected in the next 6 months?').getByText('5', { exact: true }).click();
    await dialog.getByText('Not feasible now', { exact: true }).waitFor();
    // 100 × (.5 + .5 + .5 + 0 + .5) / 5: the honest score stays, the gate warns.
    await dialog.getByTestId('idea-score').getByText('Idea score 40 / 100').waitFor();
  });

  it('opens an idea: votes, follows, comments and moves it through the pipeline with a reason', async () => {
    await page.keyboard.press('Escape');
    // The board shows it in its phase's column; the administrator's decision queue lists it.
    await page.getByText('Board', { exact: true }).click();
    await page
      .getByTestId('ideas-kanban')
      .locator('[data-phase="idea"]')
      .getByRole('link', { name: 'Copy supplier invoices into accounting' })
      .waitFor();
    await page.getByText('To decide', { exact: true }).click();
    await page.getByTestId('ideas-table').getByRole('link', { name: 'Copy supplier invoices into accounting' }).waitFor();
    await page.getByTestId('ideas-table').getByRole('link', { name: 'Copy supplier invoices into accounting' }).click();
    await page.waitForURL(/\/ideas\/[^/]+$/);
    const community = page.getByTestId('idea-community');
    await community.getByRole('button', { name: /My team has this too · 0/ }).click();
    await community.getByRole('button', { name: /You voted · 1/ }).waitFor();
    await page.getByLabel(/^Add a comment/).fill('We do the same in the shop.');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await page.getByTestId('idea-comments').getByText('We do the same in the shop.').waitFor();
    const moves = page.getByTestId('idea-moves');
    await moves.getByRole('button').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Reason/).fill('Clear volume and rules; worth assessing.');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await moves.getByText('Clear volume and rules; worth assessing.').waitFor();
    const idea = await page.evaluate(async () => {
      const id = location.pathname.split('/').pop();
      return (await fetch(`/api/v1/ideas/${id}`)).json();
    });
    assert.equal(idea.votes, 1);
    assert.equal(idea.comments, 1);
    assert.notDeepEqual([idea.phase, idea.status], ['idea', 'awaiting_review']);
  });
});
