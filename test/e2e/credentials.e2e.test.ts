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

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'hidden' });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describe('managing a credential and its rate limit in Chromium', {
  skip: chromiumUnavailableReason() ?? undefined,
  timeout: 120_000,
}, () => {
  let server: E2eServer;
  let base: string;
  let page: Page;

  before(async () => {
    server = await startE2eServer({ prefix: 'cred', setupAdmin: true });
    ({ base, page } = server);
  });

  after(async () => {
    await server?.close();
  });

  async function stored(): Promise<{ name: string; rateLimit: unknown; fields: Record<string, unknown> }[]> {
    return page.evaluate(async () => (await (await fetch('/api/v1/credentials')).json()).items);
  }

  it('creates an HTTP credential with a rate limit from the Credentials page', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Credentials' }).first().click();
    await page.getByText('No credentials yet.').waitFor();
    await page.getByRole('button', { name: 'New credential' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Supplier API');
    await dialog.getByLabel(/^Type/).click();
    await page.getByRole('option', { name: /HTTP authentication/ }).click();
    await dialog.getByLabel(/^Scheme/).click();
    await page.getByRole('option', { name: 'bearer', exact: true }).click();
    await dialog.getByLabel(/^Token/).fill('sup-3cret-token');
    await dialog.getByLabel('Limit how often steps use this credential').check();
    await dialog.getByLabel(/^Requests/).fill('5');
    await dialog.getByLabel(/^Window/).click();
    await page.getByRole('option', { name: 'per minute' }).click();
    await dialog.getByLabel(/^At most at once/).fill('2');
    await shot(page, 'credential-form');
    await dialog.getByRole('button', { name: 'Create credential' }).click();
    await page.getByTestId('credentials-table').getByText('5 per minute · at most 2 at once').waitFor();
    const [credential] = await stored();
    assert.equal(credential?.name, 'Supplier API');
    assert.deepEqual(credential?.rateLimit, { requests: 5, per: 'minute', maxConcurrent: 2 });
    assert.deepEqual(credential?.fields.token, { set: true });
  });

  it('edits the limit without asking for the secret again, then removes it', async () => {
    const table = page.getByTestId('credentials-table');
    await table.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Stored and never shown. Leave empty to keep it.').waitFor();
    assert.equal(await dialog.getByLabel(/^Requests/).inputValue(), '5');
    await dialog.getByLabel(/^Requests/).fill('20');
    await dialog.getByLabel(/^At most at once/).fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await table.getByText('20 per minute', { exact: true }).waitFor();
    await shot(page, 'credentials');
    const [credential] = await stored();
    assert.deepEqual(credential?.rateLimit, { requests: 20, per: 'minute', maxConcurrent: null });
    assert.deepEqual(credential?.fields.token, { set: true }, 'the secret was kept');

    await table.getByRole('button', { name: 'Edit' }).click();
    await dialog.getByLabel('Limit how often steps use this credential').uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await table.getByText('No limit').waitFor();
    assert.equal((await stored())[0]?.rateLimit, null);
  });
});
