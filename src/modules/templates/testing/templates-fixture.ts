import assert from 'node:assert/strict';
import type { Session } from '../../../testing/test-app.ts';
import type { People } from '../../tasks/testing/tasks-fixture.ts';

/** A webhook-started workflow with a signed hook, an HTTP call with a bearer header and an e-mail step using a credential. */
export const invoiceDefinition = {
  schemaVersion: 1,
  nodes: [
    {
      id: 'hook',
      type: 'trigger.webhook',
      name: 'Invoice in',
      config: { path: 'invoices-k3j9x2', signature: { header: 'X-Sig', secret: 'hunter2hunter2', prefix: '' } },
    },
    {
      id: 'fetch',
      type: 'connector.http.request',
      name: 'Fetch invoice',
      config: { url: 'https://erp.example/api/invoices', headers: { Authorization: 'Bearer s3cr3t', Accept: 'application/json' } },
    },
    {
      id: 'mail',
      type: 'connector.email.send',
      name: 'Tell accounting',
      config: { credentialId: 'cred-smtp-1', to: 'accounting@bakery.example', subject: 'New invoice', text: 'See the ERP.' },
    },
  ],
  edges: [
    { from: 'hook', to: 'fetch' },
    { from: 'fetch', to: 'mail' },
  ],
};

/** Creates a workflow as `who` (published unless told otherwise) and returns its id. */
export async function makeWorkflow(who: Session, name: string, options: { publish?: boolean; definition?: unknown } = {}) {
  const created = await who.request({
    method: 'POST',
    url: '/api/v1/workflows',
    payload: { name, definition: options.definition ?? invoiceDefinition },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  if (options.publish !== false) {
    const published = await who.request({ method: 'POST', url: `/api/v1/workflows/${id}/publish`, payload: { note: 'v1' } });
    assert.equal(published.statusCode, 200, published.body);
  }
  return id;
}

/** Publishes a workflow as a template as `who` and returns the answer's JSON. */
export async function publishTemplate(who: Session, workflowId: string, overrides: Record<string, unknown> = {}) {
  const res = await who.request({
    method: 'POST',
    url: '/api/v1/templates',
    payload: {
      workflowId,
      name: 'Supplier invoices to accounting',
      summary: 'Fetches each new supplier invoice and tells accounting.',
      documentation: '# Setup\n\n1. Pick your SMTP credential\n2. Set the **signing secret**',
      tags: ['Invoices', 'finance'],
      ...overrides,
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** Row counts of the template tables and the audit log. */
export async function templateState(p: People) {
  const count = async (table: 'templates' | 'template_versions' | 'template_uses' | 'template_reviews' | 'audit_events' | 'workflows') =>
    Number(
      (
        await p.app.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    templates: await count('templates'),
    versions: await count('template_versions'),
    uses: await count('template_uses'),
    reviews: await count('template_reviews'),
    audit: await count('audit_events'),
    workflows: await count('workflows'),
  };
}
