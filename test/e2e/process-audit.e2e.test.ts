import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT_DIR } from '../../src/app.ts';
import { chromiumUnavailableReason } from './browser.ts';
import { ADMIN, type E2eServer, signIn, startE2eServer } from './e2e-server.ts';

// SYMBIONT_SCREENSHOTS=docs/images refreshes the documentation's screenshots.
const SHOTS = process.env.SYMBIONT_SCREENSHOTS ? path.resolve(ROOT_DIR, process.env.SYMBIONT_SCREENSHOTS) : null;
const CSV = path.join(ROOT_DIR, 'test', 'fixtures', 'eventlogs', 'running-example.csv');

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('the process audit in Chromium', { skip: chromiumUnavailableReason() ?? undefined, timeout: 150_000 }, () => {
  let server: E2eServer;
  let base: string;
  let page: Page;

  before(async () => {
    server = await startE2eServer({ prefix: 'audit', setupAdmin: true, viewport: { width: 1280, height: 900 } });
    ({ base, page } = server);
  });
  after(async () => {
    await server?.close();
  });

  it('imports a CSV log with a column mapping and shows its process map, candidates and variants', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Process audit' }).first().click();
    await page.getByText('No event logs yet.').waitFor();
    await page.locator('input[type="file"]').setInputFiles(CSV);
    await page.getByLabel(/^Case column/).fill('case:concept:name');
    await page.getByLabel(/^Activity column/).fill('concept:name');
    await page.getByLabel(/^Timestamp column/).fill('time:timestamp');
    await page.getByLabel(/^Resource column/).fill('org:resource');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForURL(/\/process-audit\/[^/]+$/);
    const map = page.getByTestId('process-map');
    await map.locator('svg text', { hasText: 'register request' }).first().waitFor();
    assert.match((await map.locator('svg').getAttribute('aria-label')) ?? '', /8 activities/);
    await page.getByRole('slider', { name: 'Paths shown' }).focus();
    await page.keyboard.press('End');
    await map.getByText('Paths: 16 of 16').waitFor();
    await shot(page, 'process-map');
    await map.getByText('Performance (mean time)').click();
    await map
      .locator('svg text', { hasText: /\d+(\.\d)? (d|h|min)/ })
      .first()
      .waitFor();
    // The heuristics miner's dependency graph, its dependency values on the edges.
    await map.getByText('Dependency graph').click();
    const kept = await page.evaluate(async () => {
      const id = location.pathname.split('/').pop();
      return (await (await fetch(`/api/v1/process-analyses?eventLogId=${id}`)).json()).heuristics.keptEdges as { dependency: number }[];
    });
    assert.ok(kept.length > 0);
    const first = (kept[0]?.dependency ?? 0).toFixed(2);
    await map.locator('svg text', { hasText: first }).first().waitFor();
    assert.match((await map.locator('svg').getAttribute('aria-label')) ?? '', new RegExp(`${kept.length} paths`));

    await page.getByRole('tab', { name: 'Automation candidates' }).click();
    const candidates = page.getByTestId('candidates-table');
    assert.equal(await candidates.locator('tbody tr').count(), 8);
    await shot(page, 'process-candidates');
    // One click turns the best candidate into an idea with its volumetry from the log.
    const best = ((await candidates.locator('tbody tr').first().locator('td').first().textContent()) ?? '').trim();
    await candidates.locator('tbody tr').first().getByRole('button', { name: 'Make it an idea' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).waitFor();
    assert.equal(await dialog.getByRole('textbox', { name: 'Name' }).inputValue(), `Automate “${best}”`);
    await dialog.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option').first().click();
    await dialog.getByRole('button', { name: 'Submit the idea' }).click();
    await page.getByText(/Idea submitted \(score \d+\)/).waitFor();
    const ideas = await page.evaluate(async () => (await (await fetch('/api/v1/ideas')).json()).items);
    const idea = ideas.find((i: { name: string }) => i.name === `Automate “${best}”`);
    assert.ok(idea, JSON.stringify(ideas));

    // The CSV's case: columns are case attributes to filter on.
    await page.getByRole('combobox', { name: 'Case attribute' }).click();
    await page.getByRole('option', { name: 'creator' }).click();
    await page.getByLabel('is one of').first().click();
    await page.getByRole('option', { name: 'Fluxicon Nitro (6)' }).click();
    await page.getByText('6 of 6').first().waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByRole('tab', { name: 'Variants' }).click();
    await page.getByTestId('variants-table').getByRole('button', { name: '1', exact: true }).click();
    await page.getByText('Showing the cases of variant 1 only.').waitFor();
    await page.getByText(/of 6/).first().waitFor();

    await page.getByRole('tab', { name: 'Dotted chart' }).click();
    await page.getByTestId('dotted-chart').locator('.recharts-scatter-symbol').first().waitFor();
    await shot(page, 'process-dotted-chart');

    await page.getByRole('link', { name: 'All event logs' }).click();
    await page.getByTestId('event-logs-table').getByText('running-example.csv').first().waitFor();
  });

  it('names the problem of a file it cannot read, and stores nothing', async () => {
    await page.goto(`${base}/process-audit`);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'broken.xes', mimeType: 'application/xml', buffer: Buffer.from('<log><trace>') });
    await page.getByRole('button', { name: 'Import' }).click();
    await page
      .getByText(/EVENT_LOG|XML|malformed|truncated/i)
      .first()
      .waitFor();
    const logs = await page.evaluate(async () => (await (await fetch('/api/v1/event-logs')).json()).items.length);
    assert.equal(logs, 1);
  });
});
