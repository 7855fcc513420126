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
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const BOB = { email: 'bob@crumb.example', password: 'bobs-long-passphrase' };

describe('templates in Chromium', { skip: chromiumUnavailableReason() ?? undefined, timeout: 180_000 }, () => {
  let server: E2eServer;
  let base: string;
  let page: Page;
  let bobPage: Page;
  let workflowId = '';

  before(async () => {
    server = await startE2eServer({ prefix: 'templates', setupAdmin: true });
    ({ base, page } = server);
    const { services } = server.app;
    await services.users.create(cliActor('test'), {
      email: BOB.email,
      name: 'Bob Baker',
      password: BOB.password,
      teamIds: [],
      roles: [{ role: 'builder', scopeType: 'global' }],
    });
    // The administrator's published workflow, with an SMTP credential reference the template must not carry.
    const amira = await services.directory.actorForEmail(ADMIN.email, 'test');
    const wf = await services.workflows.create(amira, {
      name: 'Supplier invoices',
      description: 'Tells accounting about each new supplier invoice.',
      definition: {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'trigger.manual', name: 'Start' },
          {
            id: 'mail',
            type: 'connector.email.send',
            name: 'Tell accounting',
            config: { credentialId: 'cred-smtp-1', to: 'accounting@crumb.example', subject: 'Invoice', text: 'New invoice' },
          },
        ],
        edges: [{ from: 'start', to: 'mail' }],
      },
    });
    await services.workflows.publish(amira, wf.id, 'first');
    workflowId = wf.id;
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    bobPage = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    bobPage.setDefaultTimeout(15_000);
  });
  after(async () => {
    await server?.close();
  });

  it('publishes a workflow as a template with Markdown documentation, shown safely', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.goto(`${base}/workflows/${workflowId}`);
    await page.getByRole('button', { name: 'Publish as template' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Summary/).fill('Mails accounting for every supplier invoice.');
    await dialog
      .getByLabel(/^Documentation/)
      .fill('# Setup\n\n- Pick your **SMTP** credential\n- Adjust the recipient\n\n<script>window.pwned = 1</script>');
    await dialog.getByRole('button', { name: 'Publish template' }).click();
    await page.waitForURL(/\/templates\/[^/]+$/);
    const docs = page.getByTestId('markdown');
    await docs.getByRole('heading', { name: 'Setup' }).waitFor();
    await docs.locator('strong', { hasText: 'SMTP' }).waitFor();
    await docs.getByText('<script>window.pwned = 1</script>').waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    await page.getByTestId('template-needs').getByText('Needs a credential of type smtp').waitFor();
    await page.getByTestId('template-steps').getByText('Tell accounting', { exact: true }).waitFor();
  });

  it('lets another builder use it: a named draft opens in the editor', async () => {
    await signIn(bobPage, base, BOB.email, BOB.password);
    await bobPage.getByRole('link', { name: 'Templates' }).first().click();
    await bobPage.getByTestId('template-card').getByRole('link', { name: 'Supplier invoices' }).click();
    await bobPage.getByRole('button', { name: 'Use this template' }).click();
    const dialog = bobPage.getByRole('dialog');
    await dialog.getByLabel(/^Name of your new workflow/).fill("Bob's invoices");
    await dialog.getByRole('button', { name: 'Create workflow' }).click();
    await bobPage.waitForURL(/\/workflows\/[^/]+$/);
    await bobPage.getByRole('heading', { name: "Bob's invoices" }).waitFor();
    const wf = await bobPage.evaluate(async () => (await fetch(`/api/v1/workflows/${location.pathname.split('/').pop()}`)).json());
    assert.equal(wf.status, 'draft');
    assert.doesNotMatch(JSON.stringify(wf.definition), /cred-smtp-1/);
  });

  it('rates it, and the gallery shows one use and the rating', async () => {
    await bobPage.goBack();
    await bobPage.waitForURL(/\/templates\/[^/]+$/);
    const fourth = await bobPage.getByLabel('Your rating').locator('input[value="4"]').getAttribute('id');
    await bobPage.locator(`label[for="${fourth}"]`).click();
    await bobPage.getByLabel('Your review').fill('Saved me an afternoon.');
    await bobPage.getByRole('button', { name: 'Rate' }).click();
    await bobPage.getByTestId('template-review').getByText('Saved me an afternoon.').waitFor();
    await bobPage.getByRole('link', { name: 'Templates' }).first().click();
    const card = bobPage.getByTestId('template-card').filter({ hasText: 'Supplier invoices' });
    await card.getByTestId('template-uses').getByText('1 use', { exact: true }).waitFor();
    await card.getByTestId('template-rating').getByText('4.0 (1)').waitFor();
    await shot(bobPage, 'templates-gallery');
    await card.getByRole('link', { name: 'Supplier invoices' }).click();
    await bobPage.getByTestId('template-review').waitFor();
    await shot(bobPage, 'template-page');
    await bobPage.goBack();
    // The author sees the same gallery.
    await page.goto(`${base}/templates`);
    await page.getByTestId('template-card').getByText('4.0 (1)').waitFor();
  });
});
