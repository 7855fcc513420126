import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createServices, ROOT_DIR } from '../../src/app.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { chromiumUnavailableReason } from './browser.ts';
import { type E2eServer, signIn, startE2eServer } from './e2e-server.ts';

// SYMBIONT_SCREENSHOTS=docs/images refreshes the documentation's screenshots.
const SHOTS = process.env.SYMBIONT_SCREENSHOTS ? path.resolve(ROOT_DIR, process.env.SYMBIONT_SCREENSHOTS) : null;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('the demo bakery in Chromium', { skip: chromiumUnavailableReason() ?? undefined, timeout: 180_000 }, () => {
  let server: E2eServer;
  let base: string;
  let page: Page;

  before(async () => {
    const secretKey = randomBytes(32);
    server = await startE2eServer({
      prefix: 'demo',
      secretKey,
      viewport: { width: 1280, height: 900 },
      prepare: async (handle, dataDir) => {
        const loader = createServices(handle, undefined, { secretKey, dataDir });
        await loadDemo(loader, { handle, config: { secretKey, dataDir, publicUrl: undefined, httpAllow: [] }, days: 10 });
        await loader.sandbox.close();
      },
    });
    ({ base, page } = server);
  });

  after(async () => {
    await server?.close();
  });

  it('lists the bakery’s live workflows with their last runs', async () => {
    await signIn(page, base, 'amira@crumb.example', 'crumb-and-co-demo');
    await page.getByRole('link', { name: 'Workflows' }).first().click();
    const table = page.getByTestId('workflows-table');
    const live = [
      'Web-shop orders',
      'Daily sales report',
      'Catering orders',
      'Production list for an order',
      'Supplier invoice approval',
      'Wholesale orders',
    ];
    for (const name of live) await table.getByRole('link', { name }).waitFor();
    assert.equal(await table.getByText('active · v1').count(), live.length);
  });

  it('shows the runs of the last days', async () => {
    await page.getByRole('link', { name: 'Runs' }).first().click();
    const runs = page.getByTestId('runs-table');
    await runs.getByText('Web-shop orders').first().waitFor();
    assert.ok((await runs.getByText('succeeded').count()) >= 10);
    // The only failed runs are wholesale orders the shop aborted from their exception task.
    const failed = runs.getByRole('row').filter({ has: page.getByText('failed', { exact: true }) });
    for (const text of await failed.allTextContents()) assert.match(text, /Wholesale orders/);
  });

  it('shows where the catering orders’ time goes, and every step', async () => {
    await page.getByRole('link', { name: 'Workflows' }).first().click();
    await page.getByTestId('workflows-table').getByRole('link', { name: 'Catering orders' }).click();
    await page.getByRole('tab', { name: 'Statistics' }).click();
    const breakdown = page.getByTestId('time-breakdown');
    await breakdown.getByText('Waiting for machines').waitFor();
    assert.match((await breakdown.textContent()) ?? '', /[1-9]\d* ended runs?/);
    await page.getByTestId('step-stats').getByText('Wait until then').waitFor();
    await page.getByTestId('step-stats').getByText('Make the production list').waitFor();
    await shot(page, 'workflow-stats-demo');
  });

  it('shows where work goes between people and the machine (symbiosis), per workflow', async () => {
    await page.getByRole('link', { name: 'Symbiosis' }).first().click();
    const kpis = page.getByTestId('symbiosis-kpis');
    await kpis.getByText('Steps by people').waitFor();
    const table = page.getByTestId('symbiosis-workflows');
    await table.getByRole('button', { name: 'Supplier invoice approval' }).waitFor();
    // The invoice approval hands steps to people; the sales report never does.
    assert.match((await kpis.textContent()) ?? '', /Time with people\d+(\.\d)? %/);
    await page.getByTestId('symbiosis-charts').getByText('Steps: people and machine').waitFor();
    await shot(page, 'symbiosis');
    await table.getByRole('button', { name: 'Wholesale orders' }).click();
    await page.waitForURL(/workflowId=/);
    // One workflow: no per-workflow table, and its own figures.
    await page.getByTestId('symbiosis-workflows').waitFor({ state: 'detached' });
    assert.match((await kpis.textContent()) ?? '', /Exceptions \/ 100 runs\d+/);
  });

  it('mines a workflow’s own runs as a process, without an import', async () => {
    await page.getByRole('link', { name: 'Process audit' }).first().click();
    await page.getByTestId('workflow-logs').getByRole('link', { name: 'Wholesale orders' }).click();
    const map = page.getByTestId('process-map');
    await map.locator('svg text', { hasText: 'Price the order' }).first().waitFor();
    await page.getByRole('tab', { name: 'Rework' }).click();
    // Retried exceptions run the pricing step again: rework the audit finds.
    await page
      .getByText(/Cases with rework|No activity is done twice/)
      .first()
      .waitFor();
    await shot(page, 'process-workflow-runs');
  });

  it('compares the order process before automation with the workflow that automates it', async () => {
    await page.getByRole('link', { name: 'Process audit' }).first().click();
    await page.getByRole('link', { name: 'Before and after' }).click();
    await page.getByRole('combobox', { name: 'Before' }).click();
    await page.getByRole('option', { name: 'Order to delivery (bakery)' }).click();
    await page.getByRole('combobox', { name: 'After' }).click();
    await page.getByRole('option', { name: 'Wholesale orders' }).click();
    const table = page.getByTestId('compare-table');
    await table.getByText('Throughput time (median)').waitFor();
    assert.match((await table.textContent()) ?? '', /Cost of people’s time[\d.]+ €[\d.]+ €/);
    await shot(page, 'process-before-after');
  });

  it('shows the ideas pipeline, the value × ease chart and what the live automations realised', async () => {
    await page.getByRole('link', { name: 'Ideas' }).first().click();
    await page.getByText('Board', { exact: true }).click();
    const board = page.getByTestId('ideas-kanban');
    await board.locator('[data-phase="live"]').getByRole('link', { name: 'Web-shop orders straight into the production list' }).waitFor();
    await shot(page, 'ideas-board');
    await page.getByText('Value × ease', { exact: true }).click();
    const chart = page.getByTestId('value-ease');
    await chart.getByRole('img', { name: /^Value versus ease of \d+ assessed ideas$/ }).waitFor();
    await chart.locator('circle[role="link"][aria-label="Web-shop orders straight into the production list"]').waitFor();
    await shot(page, 'value-ease-demo');

    await page.getByRole('link', { name: 'Value' }).first().click();
    await page.waitForURL(/\/value$/);
    const kpis = page.getByTestId('value-kpis');
    await kpis.getByText('Live automations').waitFor();
    const automations = page.getByTestId('value-automations');
    for (const name of ['Web-shop orders straight into the production list', 'Approve supplier invoices without the paper folder'])
      await automations.getByRole('row', { name: new RegExp(name) }).waitFor();
    await page.getByTestId('value-charts').getByRole('img', { name: 'Estimated and realised value per week' }).waitFor();
    // Kwame built the web-shop automation, and the shop built on his template: 1 live, 1 reuse.
    await page
      .getByTestId('value-builders')
      .getByRole('row', { name: /^Kwame Mensah 1 \d+ 1$/ })
      .waitFor();
    await shot(page, 'value-dashboard');
  });
});
