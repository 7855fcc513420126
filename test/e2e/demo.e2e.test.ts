import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type App, createApp, createServices, openMigratedDatabase, ROOT_DIR } from '../../src/app.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { chromiumUnavailableReason, launchChromium } from './browser.ts';
import { ensureWebBuilt, WEB_DIR } from './web-build.ts';

// SYMBIONT_SCREENSHOTS=docs/images refreshes the documentation's screenshots.
const SHOTS = process.env.SYMBIONT_SCREENSHOTS ? path.resolve(ROOT_DIR, process.env.SYMBIONT_SCREENSHOTS) : null;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('the demo bakery in Chromium', { skip: chromiumUnavailableReason() ?? undefined, timeout: 180_000 }, () => {
  let app: App;
  let base: string;
  let dataDir: string;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  before(async () => {
    ensureWebBuilt();
    dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-e2e-demo-'));
    const secretKey = randomBytes(32);
    const handle = await openMigratedDatabase({ database: { dialect: 'sqlite', file: path.join(dataDir, 'symbiont.db') } });
    const loader = createServices(handle, undefined, { secretKey, dataDir });
    await loadDemo(loader, { handle, config: { secretKey, dataDir, publicUrl: undefined, httpAllow: [] }, days: 10 });
    await loader.sandbox.close();
    app = await createApp(handle, {
      config: { bodyLimit: 1024 * 1024, trustProxy: false, publicUrl: undefined, dataDir, secretKey },
      logger: createLogger('silent'),
      webDir: WEB_DIR,
    });
    await app.server.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await chromium?.close();
    await app?.server.close();
    await app?.handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the bakery’s live workflows with their last runs', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel(/^Email/).fill('amira@crumb.example');
    await page.getByLabel(/^Password/).fill('crumb-and-co-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('link', { name: 'Workflows' }).first().click();
    const table = page.getByTestId('workflows-table');
    for (const name of ['Web-shop orders', 'Daily sales report', 'Catering orders', 'Production list for an order']) {
      await table.getByRole('link', { name }).waitFor();
    }
    assert.equal(await table.getByText('active · v1').count(), 4);
  });

  it('shows the runs of the last days', async () => {
    await page.getByRole('link', { name: 'Runs' }).first().click();
    const runs = page.getByTestId('runs-table');
    await runs.getByText('Web-shop orders').first().waitFor();
    assert.ok((await runs.getByText('succeeded').count()) >= 10);
    assert.equal(await runs.getByText('failed', { exact: true }).count(), 0);
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
});
