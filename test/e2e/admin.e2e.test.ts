import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type App, createApp, openMigratedDatabase, ROOT_DIR } from '../../src/app.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { chromiumUnavailableReason, launchChromium } from './browser.ts';

const WEB_DIR = path.join(ROOT_DIR, 'dist', 'web');

/** Builds the web UI when missing (npm install's postinstall normally has). */
function ensureWebBuilt(): void {
  if (existsSync(path.join(WEB_DIR, 'index.html'))) return;
  execFileSync(process.execPath, [path.join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT_DIR,
    stdio: 'inherit',
  });
}

describe('administrator journey in Chromium', { skip: chromiumUnavailableReason() ?? undefined, timeout: 180_000 }, () => {
  let app: App;
  let base: string;
  let dataDir: string;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  before(async () => {
    ensureWebBuilt();
    dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-e2e-'));
    const handle = await openMigratedDatabase({ database: { dialect: 'sqlite', file: path.join(dataDir, 'symbiont.db') } });
    app = await createApp(handle, {
      config: { bodyLimit: 1024 * 1024, trustProxy: false, publicUrl: undefined },
      logger: createLogger('silent'),
      webDir: WEB_DIR,
    });
    await app.server.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    chromium = await launchChromium();
    page = await chromium.browser.newPage();
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await chromium?.close();
    await app?.server.close();
    await app?.handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends a first visitor to the setup page and creates the admin', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/setup$/);
    await page.getByLabel(/^Name/).fill('Amira Haddad');
    await page.getByLabel(/^Email/).fill('amira@crumb.example');
    await page.getByLabel(/^Password/).fill('a-long-admin-passphrase');
    await page.getByLabel(/^Confirm password/).fill('a-long-admin-passphrase');
    await page.getByRole('button', { name: 'Create admin' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/setup'));
  });

  it('logs out and logs in again, from a deep link', async () => {
    await logOut(page);
    await page.waitForURL(/\/login/);
    // Entering the app at a deep link lands on sign-in and returns there afterwards.
    await page.goto(`${base}/roles`);
    await page.waitForURL(/\/login\?next=%2Froles/);
    await page.getByLabel(/^Email/).fill('amira@crumb.example');
    await page.getByLabel(/^Password/).fill('wrong-password-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong e-mail address or password.').first().waitFor();
    await page.getByLabel(/^Password/).fill('a-long-admin-passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/roles`);
  });

  it('creates a team', async () => {
    await page.getByRole('link', { name: 'Teams' }).first().click();
    await page.getByRole('button', { name: 'New team' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Bakery & online orders');
    await dialog.getByLabel(/^Description/).fill('Bakes at night, delivers by morning.');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await page.getByText('Bakery & online orders').first().waitFor();
    const teams = await app.handle.db.selectFrom('teams').select('name').execute();
    assert.deepEqual(
      teams.map((t) => t.name),
      ['Bakery & online orders'],
    );
  });

  it('creates a user', async () => {
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Kwame Mensah');
    await dialog.getByLabel(/^Email/).fill('kwame@crumb.example');
    await dialog.getByLabel(/^Password/).fill('kwame-bakes-bread');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('kwame@crumb.example').first().waitFor();
    const user = await app.handle.db.selectFrom('users').select('name').where('email', '=', 'kwame@crumb.example').executeTakeFirst();
    assert.equal(user?.name, 'Kwame Mensah');
  });

  it('shows both changes in the audit log page', async () => {
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    const table = page.getByTestId('audit-table');
    await table.getByText('team.create').first().waitFor();
    await table.getByText('user.create').first().waitFor();
    const text = await table.innerText();
    assert.match(text, /Amira Haddad/);
    await page.screenshot({ path: path.join(dataDir, 'audit.png'), fullPage: true });
  });
});

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
}
