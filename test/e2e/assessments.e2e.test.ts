import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT_DIR } from '../../src/app.ts';
import { cliActor } from '../../src/platform/permissions/actor.ts';
import { chromiumUnavailableReason } from './browser.ts';
import { ADMIN, type E2eServer, signIn, startE2eServer } from './e2e-server.ts';

// SYMBIONT_SCREENSHOTS=docs/images refreshes the documentation's screenshots.
const SHOTS = process.env.SYMBIONT_SCREENSHOTS ? path.resolve(ROOT_DIR, process.env.SYMBIONT_SCREENSHOTS) : null;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'hidden' });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describe('assessing an idea in Chromium', { skip: chromiumUnavailableReason() ?? undefined, timeout: 180_000 }, () => {
  let server: E2eServer;
  let base: string;
  let page: Page;
  let ideaId = '';

  before(async () => {
    server = await startE2eServer({ prefix: 'assessments', setupAdmin: true });
    ({ base, page } = server);
    const services = server.app.services;
    const finance = (await services.ideaCategories.list(cliActor())).find((c) => c.name === 'Finance');
    // 40 invoices a day, 6 minutes each; fully rule-based, digital and structured: potential 100 %.
    const idea = await services.ideas.submit(cliActor(), {
      name: 'Copy supplier invoices into accounting',
      description: 'Every morning we retype supplier invoices from e-mail into the accounting system.',
      categoryId: finance?.id ?? '',
      painPoints: '',
      applications: ['Outlook', 'Accounting'],
      frequencyPeriod: 'day',
      frequencyCount: 40,
      minutesPerCase: 6,
      screen: { rules: 5, digital: 5, structured: 5, change: 1, documentation: 3 },
    });
    ideaId = idea.id;
  });
  after(async () => {
    await server?.close();
  });

  const field = (name: string) => page.getByRole('textbox', { name, exact: true });

  it('fills the assessment form with live figures, refuses a negative volume on its field, and saves', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/ideas/${ideaId}`);
    const card = page.getByTestId('assessment-card');
    await card.getByText('Not assessed yet.').waitFor();
    await card.getByRole('link', { name: 'Assess this idea' }).click();
    await page.waitForURL(/\/ideas\/[^/]+\/assessment$/);

    // Prefilled from the quick screen: 40 a day × 220 days × 6 min = 880 hours a year.
    const result = page.getByTestId('assessment-result');
    await result.getByTestId('asis-hours').getByText('880').first().waitFor();
    await result.getByTestId('potential').getByText('100 %').waitFor();

    const questionnaire = page.getByTestId('questionnaire');
    await questionnaire.getByRole('checkbox', { name: 'E-mail' }).check();
    await questionnaire.getByRole('checkbox', { name: 'Accounting / ERP' }).check();
    await questionnaire.getByLabel('Structured data (forms, exports, API)').check();
    await questionnaire.getByLabel('They are rare and someone knows what to do').check();
    await questionnaire.getByLabel('Internal', { exact: true }).check();

    await field('Hourly cost of the people').fill('50');
    // 880 h × 100 % × 80 % adoption × 50 = 35,200 benefit; build 40 h × 60 = 2,400, run 15 % of it: net 34,840.
    await result.getByTestId('net').getByText('34,840').waitFor();
    await result.getByTestId('verdict').getByText('Viable').waitFor();

    await field('Cases per period').fill('-5');
    await page.locator('[data-field="volumetry.volume"]').getByText('At least 0').waitFor();
    await field('Cases per period').fill('40');
    await result.getByTestId('net').getByText('34,840').waitFor();

    await shot(page, 'assessment');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByText('Assessment saved (revision 1).').waitFor();
    const saved = await page.evaluate(async (id) => (await fetch(`/api/v1/assessments/ideas/${id}`)).json(), ideaId);
    assert.equal(saved.assessment.revision, 1);
    assert.equal(Math.round(saved.assessment.figures.valuation.net.likely), 34_840);
    assert.deepEqual(saved.assessment.answers.systems, ['email', 'accounting']);
  });

  it('shows the assessment on the idea page and the idea as a dot on the value × ease chart', async () => {
    await page.getByRole('link', { name: 'Back to the idea' }).click();
    const card = page.getByTestId('assessment-card');
    await card.getByText('Viable').waitFor();
    await card
      .getByTestId('card-net')
      .getByText(/34,840/)
      .waitFor();

    await page.getByRole('link', { name: 'Ideas' }).first().click();
    await page.getByText('Value × ease', { exact: true }).click();
    const chart = page.getByTestId('value-ease');
    await chart.getByText('1 assessed idea(s) shown; 0 matching idea(s) not assessed yet.').waitFor();
    await chart.getByRole('cell', { name: 'Quick wins' }).waitFor();
    await shot(page, 'value-ease');
    await page.getByTestId(`matrix-dot-${ideaId}`).click();
    await page.waitForURL(new RegExp(`/ideas/${ideaId}$`));
  });
  it('lets an administrator edit and publish a category’s questionnaire, with errors on the question', async () => {
    await page.getByRole('link', { name: 'Questionnaires' }).click();
    await page.getByLabel('Questionnaire of').first().click();
    await page.getByRole('option', { name: 'Finance' }).click();
    await page.getByText('This category uses the default questionnaire', { exact: false }).waitFor();
    await page.getByLabel('Title').fill('Finance assessment');
    await page.getByRole('button', { name: 'Add a question' }).click();
    const added = page.getByTestId('question-6');
    await added.getByLabel('Key').fill('approvals');
    await added.getByLabel('Question', { exact: true }).fill('Who approves payments?');
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    await added.getByText('A choice question needs at least two options').waitFor();

    const options: [string, string][] = [
      ['one', 'One person'],
      ['two', 'Two people (four eyes)'],
    ];
    for (const [value, label] of options) {
      await added.getByRole('button', { name: 'Add an option' }).click();
      await added.getByLabel('Option value').last().fill(value);
      await added.getByLabel('Option label').last().fill(label);
    }
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    await page.getByText('Published version 1: 1 added, 0 removed, 0 changed.').waitFor();
    await page.getByTestId('questionnaire-versions').getByText('v1 · Finance assessment').waitFor();
    const current = await page.evaluate(async () => {
      const categories = await (await fetch('/api/v1/idea-categories')).json();
      const finance = categories.find((c: { name: string }) => c.name === 'Finance');
      return (await fetch(`/api/v1/assessments/questionnaires/${finance.id}`)).json();
    });
    assert.equal(current.version, 1);
    assert.equal(current.questions.at(-1).key, 'approvals');
    assert.equal(current.questions.at(-1).options.length, 2);
  });
});
