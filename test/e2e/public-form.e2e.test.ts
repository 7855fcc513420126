import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type App, ROOT_DIR } from '../../src/app.ts';
import { cliActor } from '../../src/platform/permissions/actor.ts';
import { chromiumUnavailableReason } from './browser.ts';
import { ADMIN, type E2eServer, signIn, startE2eServer } from './e2e-server.ts';

// SYMBIONT_SCREENSHOTS=docs/images refreshes the documentation's screenshots.
const SHOTS = process.env.SYMBIONT_SCREENSHOTS ? path.resolve(ROOT_DIR, process.env.SYMBIONT_SCREENSHOTS) : null;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

describe('a public form link in Chromium, without signing in', {
  skip: chromiumUnavailableReason() ?? undefined,
  timeout: 240_000,
}, () => {
  let server: E2eServer;
  let app: App;
  let base: string;
  let page: Page;
  let workflowId: string;
  let token: string;

  before(async () => {
    server = await startE2eServer({ prefix: 'form', setupAdmin: true, viewport: { width: 820, height: 1000 } });
    ({ app, base, page } = server);
    const actor = cliActor('e2e');
    const wf = await app.services.workflows.create(actor, {
      name: 'Supplier invoices',
      definition: {
        schemaVersion: 1,
        nodes: [
          {
            id: 'form',
            type: 'trigger.form',
            name: 'Invoice form',
            config: {
              title: 'Send us your invoice',
              description: 'Crumb & Co. bakery — accounts payable. We pay within 14 days.',
              fields: [
                { key: 'supplier', label: 'Supplier', type: 'text', required: true, maxLength: 120 },
                { key: 'email', label: 'E-mail for questions', type: 'email', required: true },
                { key: 'amount', label: 'Amount (€)', type: 'number', required: true, min: 0 },
                { key: 'category', label: 'Category', type: 'select', options: ['flour', 'dairy', 'packaging'], required: true },
                { key: 'invoice', label: 'Invoice (PDF)', type: 'file', required: true, maxBytes: 1000000, accept: ['application/pdf'] },
              ],
              submitLabel: 'Send invoice',
              successMessage: 'Thank you — your invoice is with our accounts team.',
            },
          },
        ],
        edges: [],
      },
    });
    workflowId = wf.id;
    await app.services.workflows.publish(actor, workflowId, 'live');
    const [link] = (await app.services.forms.list(actor, { limit: 10 })).items;
    assert.ok(link?.token);
    token = link.token;
  });

  after(async () => {
    await server?.close();
  });

  const runs = () => app.handle.db.selectFrom('runs').select('id').where('workflow_id', '=', workflowId).execute();

  it('opens the link without a session and shows the field errors of a submission missing a required field', async () => {
    await page.goto(`${base}/f/${token}`);
    await page.getByRole('heading', { name: 'Send us your invoice' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/f/${token}`, 'no redirect to the sign-in page');
    assert.equal(await page.locator('input[name="website"]').inputValue(), '', 'the honeypot is there, empty');
    await page.getByLabel(/^E-mail for questions/).fill('billing@mill.example');
    await page.getByLabel(/^Amount/).fill('249.90');
    await page
      .getByLabel(/^Category/)
      .first()
      .click();
    await page.getByRole('option', { name: 'flour' }).click();
    await page.getByRole('button', { name: 'Send invoice' }).click();
    await page.getByTestId('form-problem').waitFor();
    const supplier = page.getByLabel(/^Supplier/);
    assert.equal(await supplier.getAttribute('aria-invalid'), 'true');
    await page.getByText('Required').first().waitFor();
    assert.equal((await runs()).length, 0, 'nothing started');
  });

  it('uploads the file, submits and shows the success message; the run holds the data and the file', async () => {
    await page.getByLabel(/^Supplier/).fill('Mill & Co');
    await page.locator('input[type="file"]').setInputFiles({ name: 'INV-2026-114.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText(/Uploaded: INV-2026-114\.pdf/).waitFor();
    await shot(page, 'public-form');
    await page.getByRole('button', { name: 'Send invoice' }).click();
    await page.getByText('Thank you — your invoice is with our accounts team.').waitFor();

    const [run] = await runs();
    assert.ok(run, 'one run started');
    const trigger = await app.handle.db
      .selectFrom('run_steps')
      .select('output_json')
      .where('run_id', '=', run.id)
      .where('node_id', '=', 'form')
      .executeTakeFirstOrThrow();
    const output = JSON.parse(trigger.output_json ?? '{}') as {
      data: Record<string, unknown>;
      files: { field: string; name: string; contentType: string; size: number }[];
    };
    assert.equal(output.data.supplier, 'Mill & Co');
    assert.equal(output.data.amount, 249.9);
    assert.equal(output.data.category, 'flour');
    assert.deepEqual(
      output.files.map((f) => [f.field, f.name, f.contentType, f.size]),
      [['invoice', 'INV-2026-114.pdf', 'application/pdf', PDF.length]],
    );
  });

  it('lists the link for the builder with its submission', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Forms' }).first().click();
    const row = page.getByTestId('forms-table').getByRole('row', { name: /Supplier invoices/ });
    await row.waitFor();
    assert.match((await row.getByTestId('form-url').textContent()) ?? '', new RegExp(`/f/${token}$`));
    assert.match((await row.textContent()) ?? '', /Open/);
    await shot(page, 'forms-page');
    await row.getByRole('link', { name: 'Supplier invoices' }).click();
    await page.waitForURL(/\/workflows\/[^/]+$/);
    assert.match(
      (await page.getByTestId('form-link-url').textContent()) ?? '',
      new RegExp(`/f/${token}$`),
      'the editor shows the live link',
    );
  });
});
