import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type App, ROOT_DIR } from '../../src/app.ts';
import { closeSmtpPools } from '../../src/connectors/email/smtp-pool.ts';
import { type CapturedMail, linkIn, startMailCapture } from '../../src/modules/tasks/testing/mail-capture.ts';
import { cliActor } from '../../src/platform/permissions/actor.ts';
import { chromiumUnavailableReason } from './browser.ts';
import { type E2eServer, startE2eServer } from './e2e-server.ts';

// SYMBIONT_SCREENSHOTS=docs/images refreshes the documentation's screenshots.
const SHOTS = process.env.SYMBIONT_SCREENSHOTS ? path.resolve(ROOT_DIR, process.env.SYMBIONT_SCREENSHOTS) : null;
const CAROL = { email: 'carol@crumb.example', password: 'carols-long-passphrase' };

/** A free loopback port, so the server's public URL (the base of e-mailed links) is known before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('approving from an e-mailed link in Chromium', { skip: chromiumUnavailableReason() ?? undefined, timeout: 240_000 }, () => {
  let server: E2eServer;
  let app: App;
  let base: string;
  let page: Page;
  let capture: Awaited<ReturnType<typeof startMailCapture>>;
  let runId = '';
  let mail: CapturedMail;

  before(async () => {
    capture = await startMailCapture();
    const port = await freePort();
    server = await startE2eServer({ prefix: 'mail', setupAdmin: true, port, publicUrl: `http://127.0.0.1:${port}` });
    ({ app, base, page } = server);
    const operator = cliActor('e2e');
    await app.services.users.create(operator, {
      email: CAROL.email,
      name: 'Carol Baker',
      password: CAROL.password,
      teamIds: [],
      roles: [],
    });
    const smtp = await app.services.credentials.create(operator, {
      name: 'Bakery mail',
      type: 'smtp',
      fields: { host: '127.0.0.1', port: capture.port, secure: false, from: 'Symbiont <symbiont@crumb.example>' },
    });
    const workflow = await app.services.workflows.create(operator, {
      name: 'Supplier invoices',
      definition: {
        schemaVersion: 1,
        nodes: [
          { id: 'webhook', type: 'trigger.webhook', name: 'Invoice arrives', config: { path: 'supplier-invoices' } },
          {
            id: 'approve',
            type: 'human.approval',
            name: 'Approve payment',
            config: {
              title: 'Pay invoice {{ body.number }} of {{ body.amount }} EUR?',
              description: 'Check the amount against the delivery note.',
              assignees: [{ user: CAROL.email }],
              show: { supplier: '{{ body.supplier }}', number: '{{ body.number }}', amount: '{{ body.amount }}' },
              sla: '8h',
              credentialId: smtp.id,
            },
          },
          {
            id: 'book',
            type: 'logic.transform',
            name: 'Book payment',
            config: { expression: '{ "paid": approved, "note": comments[0].comment }' },
          },
        ],
        edges: [
          { from: 'webhook', to: 'approve' },
          { from: 'approve', to: 'book' },
        ],
      },
    });
    await app.services.workflows.publish(operator, workflow.id, 'e2e');
  });

  after(async () => {
    await server?.close();
    closeSmtpPools();
    await capture?.close();
  });

  it('e-mails the approver when a webhook run reaches the approval', async () => {
    const res = await fetch(`${base}/webhooks/supplier-invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ supplier: 'Millers & Co', number: 'INV-2041', amount: 1280 }),
    });
    const body = await res.text();
    assert.equal(res.status, 202, body);
    runId = (JSON.parse(body) as { runId: string }).runId;
    mail = await until('the approval e-mail', () => capture.mails.find((m) => m.to.includes(CAROL.email)));
    assert.ok(mail.text.includes('Subject: New task: Pay invoice INV-2041 of 1280 EUR?'));
    assert.ok(mail.text.includes('supplier: Millers & Co'));
  });

  it('opens the approve link, shows the task without signing in, and confirms', async () => {
    const approve = linkIn(mail, 'Approve');
    assert.ok(approve.startsWith(`${base}/act/`), approve);
    await page.goto(approve);
    await page.getByRole('heading', { name: 'Pay invoice INV-2041 of 1280 EUR?' }).waitFor();
    await page.getByRole('cell', { name: 'Millers & Co' }).waitFor();
    await page.getByText('for Carol Baker').waitFor();
    const status = await app.handle.db.selectFrom('tasks').select('status').where('run_id', '=', runId).executeTakeFirstOrThrow();
    assert.equal(status.status, 'open', 'opening the page decided nothing');
    await page.getByLabel('Comment').fill('Matches the delivery note');
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'task-link-confirm.png') });
    }
    await page.getByRole('button', { name: 'Confirm approve' }).click();
    await page.getByText('Decision recorded').waitFor();
    await page.getByText('Approved as Carol Baker (e-mail link). The workflow goes on').waitFor();
  });

  it('continues the run, takes the task out of the inbox, and refuses the link a second time', async () => {
    const run = await until('the run to finish', async () => {
      const row = await app.handle.db.selectFrom('runs').select(['status']).where('id', '=', runId).executeTakeFirstOrThrow();
      return ['succeeded', 'failed', 'cancelled'].includes(row.status) ? row : undefined;
    });
    assert.equal(run.status, 'succeeded');
    const book = await app.handle.db
      .selectFrom('run_steps')
      .select('output_json')
      .where('run_id', '=', runId)
      .where('node_id', '=', 'book')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(book.output_json ?? 'null'), { paid: true, note: 'Matches the delivery note' });

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CAROL),
    });
    assert.equal(login.status, 200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const inbox = await fetch(`${base}/api/v1/tasks?view=inbox`, { headers: { cookie } });
    assert.equal(inbox.status, 200);
    assert.deepEqual(((await inbox.json()) as { items: unknown[] }).items, [], "the task left Carol's inbox");

    await page.goto(linkIn(mail, 'Approve'));
    await page.getByText('This link was used already').first().waitFor();
    await page.getByText('Nothing was decided').waitFor();
  });
});
