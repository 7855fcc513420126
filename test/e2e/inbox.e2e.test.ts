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

async function shot(page: Page, name: string, options: { top?: boolean } = {}): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'hidden' });
  if (options.top) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const RUNBOOK = 'https://wiki.crumb.example/runbooks/prices';

/** webhook → approval (for the admin) → transform. */
const approvalFlow = {
  nodes: [
    { id: 'hook', type: 'trigger.webhook', name: 'Invoice received', config: { path: 'invoices' } },
    {
      id: 'approve',
      type: 'human.approval',
      name: 'Approve invoice',
      config: {
        title: 'Pay invoice {{ body.number }} of {{ body.amount }} €?',
        description: 'Check the amount against the delivery note before approving.',
        assignees: [{ user: ADMIN.email }],
        sla: '8h',
        show: '{{ body }}',
      },
    },
    { id: 'book', type: 'logic.transform', name: 'Book', config: { expression: '{ "paid": approved, "by": deciders[0].name }' } },
  ],
  edges: [
    { from: 'hook', to: 'approve' },
    { from: 'approve', to: 'book' },
  ],
};

/** webhook → form (prefilled from the request) → transform. */
const formFlow = {
  nodes: [
    { id: 'hook', type: 'trigger.webhook', name: 'Delivery received', config: { path: 'deliveries' } },
    {
      id: 'check',
      type: 'human.form',
      name: 'Check delivery',
      config: {
        title: 'Check delivery {{ body.number }}',
        assignees: [{ user: ADMIN.email }],
        show: '{{ body }}',
        fields: [
          { key: 'amount', label: 'Amount', type: 'number', required: true, min: 0, default: '{{ body.amount }}' },
          {
            key: 'costCentre',
            label: 'Cost centre',
            type: 'select',
            options: ['bakery', 'shop'],
            required: true,
            default: '{{ body.costCentre }}',
          },
          { key: 'received', label: 'Received on', type: 'date' },
          { key: 'note', label: 'Note', type: 'textarea', maxLength: 200 },
        ],
      },
    },
    { id: 'book', type: 'logic.transform', name: 'Book', config: { expression: '{ "booked": data.amount, "centre": data.costCentre }' } },
  ],
  edges: [
    { from: 'hook', to: 'check' },
    { from: 'check', to: 'book' },
  ],
};

/** webhook → transform → a price look-up that fails without a SKU and hands the failure to the admin → transform. */
const exceptionFlow = {
  nodes: [
    { id: 'hook', type: 'trigger.webhook', name: 'Order received', config: { path: 'orders' } },
    { id: 'order', type: 'logic.transform', name: 'Take the order', config: { expression: 'body' } },
    {
      id: 'price',
      type: 'code.javascript',
      name: 'Look up price',
      config: { code: 'if (!input.sku) throw new Error("no SKU in the order"); return { sku: input.sku, price: 4.5 };' },
      onFailure: 'task',
      exception: { assignees: [{ user: ADMIN.email }], runbookUrl: RUNBOOK },
    },
    { id: 'invoice', type: 'logic.transform', name: 'Invoice', config: { expression: '{ "total": price * 2, "sku": sku }' } },
  ],
  edges: [
    { from: 'hook', to: 'order' },
    { from: 'order', to: 'price' },
    { from: 'price', to: 'invoice' },
  ],
};

describe('working tasks from the inbox in Chromium', {
  skip: chromiumUnavailableReason() ?? undefined,
  timeout: 240_000,
}, () => {
  let server: E2eServer;
  let base: string;
  let page: Page;
  const runs: Record<'approval' | 'form' | 'exception', string> = { approval: '', form: '', exception: '' };

  before(async () => {
    server = await startE2eServer({ prefix: 'inbox', setupAdmin: true });
    ({ base, page } = server);
  });

  after(async () => {
    await server?.close();
  });

  /** Calls the API as the signed-in browser user (session cookie and CSRF token). */
  async function api<T>(method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> {
    return page.evaluate(
      async ({ method, url, body }) => {
        const session = await (await fetch('/api/v1/auth/session')).json();
        const res = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, json: await res.json() };
      },
      { method, url, body },
    );
  }

  async function publish(name: string, definition: { nodes: unknown[]; edges: unknown[] }): Promise<void> {
    const created = await api<{ id: string }>('POST', '/api/v1/workflows', { name, definition: { schemaVersion: 1, ...definition } });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const published = await api('POST', `/api/v1/workflows/${created.json.id}/publish`, { note: 'inbox test' });
    assert.equal(published.status, 200, JSON.stringify(published.json));
  }

  async function callWebhook(hookPath: string, body: unknown): Promise<string> {
    const res = await fetch(`${base}/webhooks/${hookPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 202);
    return ((await res.json()) as { runId: string }).runId;
  }

  /** Waits until the run reaches one of the statuses (it fails the test after 15 s). */
  async function runReaches(runId: string, statuses: string[]): Promise<{ status: string; error: unknown }> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const run = (await api<{ status: string; error: unknown }>('GET', `/api/v1/runs/${runId}`)).json;
      if (statuses.includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} is still ${run.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The output of one step of a run. */
  async function stepOutput(runId: string, nodeId: string): Promise<unknown> {
    const run = await api<{ steps: { nodeId: string; output: unknown }[] }>('GET', `/api/v1/runs/${runId}`);
    return run.json.steps.find((s) => s.nodeId === nodeId)?.output;
  }

  it('lists the tasks three runs wait for, with the count in the navigation', async () => {
    await signIn(page, base, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Inbox' }).first().click();
    await page.getByTestId('inbox-empty').getByText('Nothing waits for you').waitFor();

    await publish('Supplier invoices', approvalFlow);
    await publish('Deliveries', formFlow);
    await publish('Shop orders', exceptionFlow);
    runs.approval = await callWebhook('invoices', { number: 'F-1042', amount: 1250, supplier: 'Mill & Co' });
    runs.form = await callWebhook('deliveries', { number: 'D-77', amount: 310.5, costCentre: 'garage' });
    runs.exception = await callWebhook('orders', { order: 'O-9', qty: 2 });
    for (const runId of Object.values(runs)) assert.equal((await runReaches(runId, ['waiting', 'failed'])).status, 'waiting');

    await page.reload();
    const table = page.getByTestId('tasks-table');
    await table.getByRole('link', { name: 'Pay invoice F-1042 of 1250 €?' }).waitFor();
    await table.getByRole('link', { name: 'Check delivery D-77' }).waitFor();
    await table.getByRole('link', { name: /Fix "Look up price": .*no SKU in the order/ }).waitFor();
    const badge = page.getByTestId('inbox-badge');
    assert.equal(await badge.getAttribute('aria-label'), '3 open tasks');
    await table.getByText('due in 7 h').waitFor();
    await shot(page, 'inbox');

    // The kind filter narrows the list to approvals.
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Approvals' }).click();
    await table.getByRole('link', { name: 'Check delivery D-77' }).waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Approvals' }).click();
    await table.getByRole('link', { name: 'Check delivery D-77' }).waitFor();
  });

  it('approves with a comment: the run continues and the task leaves the inbox', async () => {
    await page.getByTestId('tasks-table').getByRole('link', { name: 'Pay invoice F-1042 of 1250 €?' }).click();
    await page.waitForURL(/\/tasks\/[^/]+$/);
    await page.getByText('Check the amount against the delivery note before approving.').waitFor();
    await page.getByText('"supplier": "Mill & Co"').waitFor();
    await page.getByTestId('task-facts').getByRole('link', { name: 'Supplier invoices' }).waitFor();
    await page.getByLabel(/^Comment/).fill('Matches the delivery note.');
    await page.getByLabel(/^Minutes spent/).fill('4');
    await shot(page, 'task-approval', { top: true });
    await page.getByRole('button', { name: 'Approve', exact: true }).click();

    await page.getByTestId('task-closed').getByText('Outcome: approved.').waitFor();
    const history = page.getByTestId('task-history');
    await history.getByText(`${ADMIN.name} approved`).waitFor();
    await history.getByText('“Matches the delivery note.”').waitFor();
    const decision = await server.app.handle.db
      .selectFrom('task_decisions')
      .select('minutes_spent')
      .where('comment', '=', 'Matches the delivery note.')
      .executeTakeFirstOrThrow();
    assert.equal(decision.minutes_spent, 4, 'the minutes the approver said it took are kept for measured value');
    assert.equal((await runReaches(runs.approval, ['succeeded', 'failed'])).status, 'succeeded');
    assert.deepEqual(await stepOutput(runs.approval, 'book'), { paid: true, by: ADMIN.name });
    assert.equal(await page.getByTestId('inbox-badge').getAttribute('aria-label'), '2 open tasks');

    await page.getByRole('link', { name: 'Inbox' }).first().click();
    const table = page.getByTestId('tasks-table');
    await table.getByRole('link', { name: 'Check delivery D-77' }).waitFor();
    await table.getByRole('link', { name: 'Pay invoice F-1042 of 1250 €?' }).waitFor({ state: 'detached' });
  });

  it('shows the server’s field error on a form, then takes a valid submission', async () => {
    await page.getByTestId('tasks-table').getByRole('link', { name: 'Check delivery D-77' }).click();
    await page.waitForURL(/\/tasks\/[^/]+$/);
    const form = page.getByTestId('task-form');
    assert.equal(await form.getByLabel(/^Amount/).inputValue(), '310.5');
    // The run prefilled a cost centre the form does not offer: the server says so beside the field.
    await form.getByRole('button', { name: 'Submit' }).click();
    assert.equal(await form.getByLabel(/^Cost centre/).inputValue(), 'garage (not a choice)');
    await form.locator('.mantine-InputWrapper-error', { hasText: 'Not one of the choices' }).waitFor();
    await shot(page, 'task-form', { top: true });
    // A value out of range is caught before sending.
    await form.getByLabel(/^Amount/).fill('-3');
    await form.getByLabel(/^Cost centre/).click();
    await page.getByRole('option', { name: 'shop' }).click();
    await form.getByRole('button', { name: 'Submit' }).click();
    await form.locator('.mantine-InputWrapper-error', { hasText: 'At least 0' }).waitFor();
    await form.getByLabel(/^Amount/).fill('310.5');
    await form.getByLabel(/^Note/).fill('Two sacks short, credited.');
    await form.getByRole('button', { name: 'Submit' }).click();

    await page.getByTestId('task-closed').getByText('Outcome: completed.').waitFor();
    assert.equal((await runReaches(runs.form, ['succeeded', 'failed'])).status, 'succeeded');
    assert.deepEqual(await stepOutput(runs.form, 'book'), { booked: 310.5, centre: 'shop' });
  });

  it('resolves an exception by skipping the step with an output', async () => {
    await page.getByRole('link', { name: 'Inbox' }).first().click();
    await page
      .getByTestId('tasks-table')
      .getByRole('link', { name: /Fix "Look up price"/ })
      .click();
    await page.waitForURL(/\/tasks\/[^/]+$/);
    const error = page.getByTestId('exception-error');
    await error.getByText('no SKU in the order').waitFor();
    await page.getByRole('link', { name: /Runbook/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Runbook/ }).getAttribute('href'), RUNBOOK);
    assert.match(await page.getByLabel(/^Input/).inputValue(), /"order": "O-9"/);
    await shot(page, 'task-exception', { top: true });

    await page.getByText('Skip', { exact: true }).click();
    const output = page.getByLabel(/^Output/);
    await output.fill('{ "sku": "BREAD-1", price: 4.5 }');
    await page.getByRole('button', { name: 'Skip the step' }).click();
    await page.getByText(/^Not valid JSON/).waitFor();
    await output.fill('{ "sku": "BREAD-1", "price": 4.5 }');
    await page.getByLabel(/^Comment/).fill('Price from the paper list.');
    await page.getByRole('button', { name: 'Skip the step' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Skip the step with this output?').waitFor();
    await dialog.getByRole('button', { name: 'Skip the step' }).click();

    await page.getByTestId('task-closed').getByText('Outcome: skip.').waitFor();
    await page.getByTestId('task-history').getByText(`${ADMIN.name} skipped the step`).waitFor();
    assert.equal((await runReaches(runs.exception, ['succeeded', 'failed'])).status, 'succeeded');
    assert.deepEqual(await stepOutput(runs.exception, 'invoice'), { total: 9, sku: 'BREAD-1' });
    await page.getByTestId('inbox-badge').waitFor({ state: 'detached' });
  });

  it('claims a task in place, gives it back, and approves several invoices at once', async () => {
    const more = [
      await callWebhook('invoices', { number: 'F-2001', amount: 80 }),
      await callWebhook('invoices', { number: 'F-2002', amount: 95 }),
    ];
    for (const runId of more) assert.equal((await runReaches(runId, ['waiting', 'failed'])).status, 'waiting');
    await page.getByRole('link', { name: 'Inbox' }).first().click();
    const table = page.getByTestId('tasks-table');
    const row = table.getByRole('row', { name: /F-2001/ });
    await row.getByRole('button', { name: 'Claim' }).click();
    await row.getByText('You', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Give back' }).click();
    await row.getByText('Not claimed').waitFor();

    await page.getByRole('button', { name: 'Select all approvals' }).click();
    await page.getByRole('button', { name: 'Approve selected (2)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Comment/).fill('Small amounts, approved together.');
    await dialog.getByRole('button', { name: 'Approve all' }).click();
    await dialog.getByText('2 approved').waitFor();
    assert.equal(await dialog.getByTestId('bulk-results').getByText('approved', { exact: true }).count(), 2);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('inbox-empty').waitFor();
    for (const runId of more) assert.equal((await runReaches(runId, ['succeeded', 'failed'])).status, 'succeeded');
  });

  it('names a stand-in while away and ends the delegation', async () => {
    const created = await api('POST', '/api/v1/users', {
      email: 'bruno@crumb.example',
      name: 'Bruno Keller',
      password: 'bruno-passphrase-1',
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    await page.getByRole('link', { name: 'Out of office' }).click();
    await page.getByTestId('delegations-empty').waitFor();
    await page.getByRole('button', { name: 'New delegation' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Stand-in' }).fill('Bruno');
    await page.getByRole('option', { name: /Bruno Keller/ }).click();
    const until = new Date(Date.now() + 7 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await dialog.getByLabel(/^Until/).fill(`${until.getFullYear()}-${pad(until.getMonth() + 1)}-${pad(until.getDate())}T17:00`);
    await dialog.getByLabel(/^Note/).fill('Trade fair in Lyon');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const table = page.getByTestId('delegations-table');
    await table.getByText('Bruno Keller').waitFor();
    await table.getByText('active').waitFor();
    await shot(page, 'out-of-office');
    const stored = await api<{ items: { delegate: { name: string }; note: string; active: boolean }[] }>(
      'GET',
      '/api/v1/tasks/delegations',
    );
    assert.deepEqual(
      stored.json.items.map((d) => [d.delegate.name, d.note, d.active]),
      [['Bruno Keller', 'Trade fair in Lyon', true]],
    );

    await table.getByRole('button', { name: 'End' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End now' }).click();
    await page.getByTestId('delegations-empty').waitFor();
  });
});
