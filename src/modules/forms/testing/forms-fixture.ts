import assert from 'node:assert/strict';
import type { People } from '../../tasks/testing/tasks-fixture.ts';

/** A form trigger node with these fields (and the settings given). */
export function formTriggerNode(fields: unknown[], config: Record<string, unknown> = {}) {
  return {
    id: 'form',
    type: 'trigger.form',
    name: 'Order form',
    config: { title: 'Order bread', description: 'We bake it tomorrow.', fields, successMessage: 'Thanks, we got your order.', ...config },
  };
}

/** Creates and publishes a workflow as Bob; returns its id and its form link (id and token). */
export async function publishForm(p: People, name: string, nodes: unknown[], edges: unknown[]) {
  const created = await p.as.bob.request({
    method: 'POST',
    url: '/api/v1/workflows',
    payload: { name, definition: { schemaVersion: 1, nodes, edges } },
  });
  assert.equal(created.statusCode, 201, created.body);
  const workflowId = created.json().id as string;
  const published = await p.as.bob.request({ method: 'POST', url: `/api/v1/workflows/${workflowId}/publish`, payload: { note: 'test' } });
  assert.equal(published.statusCode, 200, published.body);
  const list = await p.as.bob.request({ method: 'GET', url: '/api/v1/forms?limit=200' });
  assert.equal(list.statusCode, 200, list.body);
  const link = (list.json().items as { id: string; workflowId: string; token: string; url: string }[]).find(
    (l) => l.workflowId === workflowId,
  );
  assert.ok(link, 'publishing gave the workflow a form link');
  return { workflowId, linkId: link.id, token: link.token, url: link.url };
}

/** A multipart/form-data body with one file part. */
export function multipartFile(name: string, content: Buffer | string, declaredType = 'application/octet-stream') {
  const boundary = `----symbiont${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${declaredType}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts to a public form route from a client address (no session). */
export function publicPost(p: People, url: string, payload: unknown, ip = '192.0.2.10') {
  return p.app.server.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip });
}

export async function runsOf(p: People, workflowId: string) {
  return p.app.handle.db.selectFrom('runs').select(['id', 'trigger_type', 'trigger_key']).where('workflow_id', '=', workflowId).execute();
}

/** Row counts of the file store. */
export async function fileCounts(p: People) {
  const count = async (table: 'files' | 'file_chunks') =>
    Number(
      (
        await p.app.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { files: await count('files'), chunks: await count('file_chunks') };
}
