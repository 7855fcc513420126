import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type App, ROOT_DIR } from '../../src/app.ts';
import { chromiumUnavailableReason } from './browser.ts';
import { ADMIN, type E2eServer, signIn, startE2eServer } from './e2e-server.ts';

// SYMBIONT_SCREENSHOTS=docs/images refreshes the documentation's screenshots.
const SHOTS = process.env.SYMBIONT_SCREENSHOTS ? path.resolve(ROOT_DIR, process.env.SYMBIONT_SCREENSHOTS) : null;

async function shot(page: Page, name: string, options: { top?: boolean } = {}): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'hidden' });
  if (options.top) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Drags from one step's output handle to another's input handle on the canvas. */
async function connectOnCanvas(page: Page, from: string, to: string): Promise<void> {
  const source = await page.locator(`.react-flow__node[data-id="${from}"] .react-flow__handle.source`).boundingBox();
  const target = await page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`).boundingBox();
  assert.ok(source && target, 'both handles are on screen');
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe('building, publishing and inspecting a workflow in Chromium', {
  skip: chromiumUnavailableReason() ?? undefined,
  timeout: 240_000,
}, () => {
  let server: E2eServer;
  let app: App;
  let base: string;
  let page: Page;

  before(async () => {
    server = await startE2eServer({ prefix: 'wf', setupAdmin: true });
    ({ app, base, page } = server);
  });

  after(async () => {
    await server?.close();
  });

  it('signs in and creates a workflow from the list', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Workflows' }).first().click();
    await page.getByRole('button', { name: 'New workflow' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Shop orders');
    await dialog.getByLabel(/^Description/).fill('Totals each web-shop order and answers the shop.');
    await dialog.getByRole('button', { name: 'Create workflow' }).click();
    await page.waitForURL(/\/workflows\/[^/]+$/);
    await page.locator('.react-flow__node[data-id="start"]').waitFor();
  });

  it('builds webhook → transform → respond from the palette, connects and configures the steps', async () => {
    // The starter's manual trigger goes: select it and press Delete.
    await page.locator('.react-flow__node[data-id="start"]').click();
    await page.keyboard.press('Delete');
    await page.locator('.react-flow__node[data-id="start"]').waitFor({ state: 'detached' });

    const panel = page.getByRole('complementary', { name: 'Step settings' });
    await page.getByRole('button', { name: 'Add Webhook' }).click();
    await page.locator('.react-flow__node[data-id="webhook"]').waitFor();
    await panel.getByRole('textbox', { name: 'Path' }).fill('shop-orders');
    await panel.getByLabel('Mode', { exact: true }).click();
    await page.getByRole('option', { name: 'sync', exact: true }).click();

    await page.getByRole('button', { name: 'Add Transform' }).click();
    await page.locator('.react-flow__node[data-id="transform"]').waitFor();
    await panel.getByLabel(/^Step name/).fill('Total the order');
    await panel.getByRole('textbox', { name: 'Expression' }).fill('body.{ "order": id, "total": $sum(lines.(qty * price)) }');

    await page.getByRole('button', { name: 'Add Respond to webhook' }).click();
    await page.locator('.react-flow__node[data-id="respond"]').waitFor();
    await panel.getByRole('textbox', { name: 'Status' }).fill('201');
    // Unconnected steps are reported on the canvas and in the list.
    await page
      .getByTestId('workflow-issues')
      .getByText(/not connected|unreachable/i)
      .first()
      .waitFor();
    await shot(page, 'workflow-editor-issues');

    // One connection by dragging handles, one from the panel (the keyboard way).
    await connectOnCanvas(page, 'webhook', 'transform');
    await page.getByText('From Webhook to Total the order').waitFor();
    await page.locator('.react-flow__node[data-id="transform"]').click();
    await panel.getByRole('button', { name: 'Connect to another step' }).click();
    await panel.getByLabel('Next step', { exact: true }).click();
    await page.getByRole('option', { name: /respond/ }).click();
    await panel.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText('From Total the order to Respond to webhook').waitFor();

    await page.getByTestId('check-badge').getByText('No problems').waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved').waitFor();
  });

  it('tests one step with sample input', async () => {
    const panel = page.getByRole('complementary', { name: 'Step settings' });
    await page.locator('.react-flow__node[data-id="transform"]').click();
    await panel.getByRole('button', { name: 'Test step' }).first().click();
    await panel.getByLabel(/^Sample input/).fill('{ "body": { "id": "T-1", "lines": [{ "qty": 3, "price": 2 }] } }');
    await panel.getByRole('button', { name: 'Test step' }).last().click();
    const output = page.getByTestId('test-step-output');
    await output.getByText(/"total": 6/).waitFor();
    await shot(page, 'workflow-editor');
  });

  it('publishes the draft and shows the webhook URL', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Note/).fill('First version: totals and answers');
    await dialog.getByRole('button', { name: 'Publish version' }).click();
    await page.getByText('Version 1 published.').waitFor();
    const url = await page.getByTestId('webhook-url').innerText();
    assert.match(url, /\/webhooks\/shop-orders$/);
    const row = await app.handle.db.selectFrom('workflows').select(['name', 'status']).executeTakeFirst();
    assert.deepEqual(row, { name: 'Shop orders', status: 'active' });
  });

  it('answers the webhook with the Respond step', async () => {
    const res = await fetch(`${base}/webhooks/shop-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'A-1001',
        lines: [
          { qty: 2, price: 4.5 },
          { qty: 1, price: 14.5 },
        ],
      }),
    });
    assert.equal(res.status, 201);
    assert.deepEqual(await res.json(), { order: 'A-1001', total: 23.5 });
  });

  it('lists the run and shows each step with its output', async () => {
    await page.getByRole('link', { name: 'Runs' }).first().click();
    const table = page.getByTestId('runs-table');
    await table.getByText('succeeded').first().waitFor();
    await shot(page, 'runs');
    await table.getByRole('link').first().click();
    await page.waitForURL(/\/runs\/[^/]+$/);
    await page.getByTestId('run-canvas').locator('.react-flow__node[data-id="respond"] [data-status="succeeded"]').waitFor();
    await page
      .getByTestId('run-steps')
      .getByRole('button', { name: /Total the order/ })
      .click();
    await shot(page, 'run-detail', { top: true });
    for (const name of ['Webhook', 'Respond to webhook']) {
      await page
        .getByTestId('run-steps')
        .getByRole('button', { name: new RegExp(name) })
        .click();
    }
    await page
      .getByTestId('step-output-webhook')
      .getByText(/"A-1001"/)
      .waitFor();
    await page
      .getByTestId('step-output-transform')
      .getByText(/"total": 23.5/)
      .waitFor();
    await page
      .getByTestId('step-output-respond')
      .getByText(/"status": 201/)
      .waitFor();
    assert.equal(await page.getByTestId('run-timeline').locator('.run-timeline-bar').count(), 3);
  });

  it('shows the versions with a diff and the statistics', async () => {
    await page.getByRole('link', { name: 'Workflows' }).first().click();
    await page.getByTestId('workflows-table').getByText('active · v1').waitFor();
    await shot(page, 'workflows');
    await page.getByRole('link', { name: 'Shop orders' }).click();
    await page.getByRole('tab', { name: 'Statistics' }).click();
    await page.getByTestId('step-stats').getByText('transform').waitFor();
    await page.getByTestId('time-breakdown').getByText('Waiting for people').waitFor();
    await page.getByText('7 days', { exact: true }).click();
    await page.getByText('Runs started in the last 7 days.').waitFor();
    await shot(page, 'workflow-stats');
    // A draft change after publishing shows up in the diff against version 1.
    await page.getByRole('tab', { name: 'Editor' }).click();
    await page.locator('.react-flow__node[data-id="respond"]').click();
    await page.getByRole('complementary', { name: 'Step settings' }).getByRole('textbox', { name: 'Status' }).fill('200');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved').waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByTestId('versions-table').getByText('First version: totals and answers').waitFor();
    await page.getByRole('button', { name: 'Compare with draft' }).click();
    const diff = page.getByTestId('workflow-diff');
    await diff.getByText('Step respond changed').waitFor();
    assert.match(await diff.innerText(), /201[\s\S]*200/);
    await shot(page, 'workflow-versions', { top: true });
  });

  it('stacks the side panel under the canvas on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('tab', { name: 'Editor' }).click();
    const canvas = await page.getByTestId('workflow-canvas').boundingBox();
    const panel = await page.getByRole('complementary', { name: 'Step settings' }).boundingBox();
    assert.ok(canvas && panel && panel.y >= canvas.y + canvas.height, 'the panel is below the canvas');
    await page.getByTestId('workflow-canvas').scrollIntoViewIfNeeded();
    await shot(page, 'workflow-editor-mobile');
  });
});
