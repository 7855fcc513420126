import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, it } from 'node:test';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { createTestApp, type Session, type TestApp, tableCounts } from '../../testing/test-app.ts';

const W1 = {
  schemaVersion: 1,
  nodes: [
    { id: 'order', type: 'trigger.webhook', name: 'Order received', config: { path: 'orders-test', mode: 'sync' } },
    { id: 'summary', type: 'logic.transform', name: 'Summarise', config: { expression: 'body.{ "order": id, "count": $count(items) }' } },
    { id: 'reply', type: 'logic.respond', name: 'Reply', config: { status: 200, body: '{{ $nodes.summary.output }}' } },
  ],
  edges: [
    { from: 'order', to: 'summary' },
    { from: 'summary', to: 'reply' },
  ],
};

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeEachDialect('workflows API and webhooks', (getDb) => {
  let t: TestApp;
  let builder: Session;
  let member: Session;
  let workflowId: string;
  before(async () => {
    t = await createTestApp(getDb());
    await t.createUser('builder@x.test', ['builder']);
    await t.createUser('member@x.test', []);
    builder = await t.login('builder@x.test');
    member = await t.login('member@x.test');
  });
  after(() => t.close());

  it('refuses an invalid definition with every problem, its node and path, and stores nothing', async () => {
    const before = await tableCounts(getDb(), ['workflows', 'audit_events']);
    const res = await builder.request({
      method: 'POST',
      url: '/api/v1/workflows',
      payload: {
        name: 'Broken',
        definition: {
          schemaVersion: 1,
          nodes: [
            { id: 'start', type: 'trigger.manual', name: 'Start' },
            { id: 'calc', type: 'logic.transform', name: 'Calc', config: { expression: '1 +' } },
            { id: 'lost', type: 'logic.nope', name: 'Lost' },
          ],
          edges: [{ from: 'start', to: 'calc' }],
        },
      },
    });
    assert.equal(res.statusCode, 400, res.body);
    const body = res.json() as { error: { code: string; details: { issues: { path: string; nodeId: string; code: string }[] } } };
    assert.equal(body.error.code, 'WORKFLOW_INVALID');
    const issues = body.error.details.issues.map((i) => `${i.code} ${i.nodeId} ${i.path}`);
    assert.ok(issues.includes('UNKNOWN_TYPE lost nodes.2.type'), issues.join('\n'));
    assert.ok(issues.includes('UNREACHABLE lost nodes.2'), issues.join('\n'));
    assert.deepEqual(await tableCounts(getDb(), ['workflows', 'audit_events']), before);
  });

  it('checks expressions in the editor’s validation call', async () => {
    const res = await builder.request({
      method: 'POST',
      url: '/api/v1/workflows/validate',
      payload: { definition: { ...W1, nodes: [W1.nodes[0], { ...W1.nodes[1], config: { expression: 'body.(' } }, W1.nodes[2]] } },
    });
    const body = res.json() as { ok: boolean; issues: { code: string; path: string; nodeId: string }[] };
    assert.equal(body.ok, false);
    assert.deepEqual(
      body.issues.map((i) => [i.code, i.path, i.nodeId]),
      [['EXPRESSION_INVALID', 'nodes.1.config.expression', 'summary']],
    );
  });

  it('lets a builder create, publish and call a synchronous webhook workflow', async () => {
    const created = await builder.request({ method: 'POST', url: '/api/v1/workflows', payload: { name: 'Orders', definition: W1 } });
    assert.equal(created.statusCode, 201, created.body);
    workflowId = (created.json() as { id: string }).id;
    const published = await builder.request({ method: 'POST', url: `/api/v1/workflows/${workflowId}/publish`, payload: { note: 'first' } });
    assert.equal(published.statusCode, 200, published.body);
    assert.equal((published.json() as { version: number }).version, 1);
    const res = await t.server.inject({ method: 'POST', url: '/webhooks/orders-test', payload: { id: 'ord-1', items: [1, 2, 3] } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { order: 'ord-1', count: 3 });
    const runId = res.headers['x-symbiont-run-id'] as string;
    const run = await waitFor(async () => {
      const r = await builder.request({ url: `/api/v1/runs/${runId}` });
      const body = r.json() as { status: string; steps: { nodeId: string; status: string; output: unknown }[] };
      return body.status === 'succeeded' ? body : undefined;
    }, 'the run to finish');
    assert.deepEqual(
      run.steps.map((s) => [s.nodeId, s.status]),
      [
        ['order', 'succeeded'],
        ['summary', 'succeeded'],
        ['reply', 'succeeded'],
      ],
    );
    const audit = await builder.request({ url: '/api/v1/workflows' });
    assert.equal(audit.statusCode, 200);
  });

  it('refuses bad deliveries without creating a run', async () => {
    const before = await tableCounts(getDb(), ['runs']);
    const unknown = await t.server.inject({ method: 'POST', url: '/webhooks/no-such-hook', payload: {} });
    assert.equal(unknown.statusCode, 404);
    assert.equal((unknown.json() as { error: { code: string } }).error.code, 'WEBHOOK_NOT_FOUND');
    const malformed = await t.server.inject({
      method: 'POST',
      url: '/webhooks/orders-test',
      headers: { 'content-type': 'application/json' },
      payload: '{"id": ',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal((malformed.json() as { error: { code: string } }).error.code, 'MALFORMED_JSON');
    const huge = await t.server.inject({
      method: 'POST',
      url: '/webhooks/orders-test',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ pad: 'x'.repeat(200 * 1024) }),
    });
    assert.equal(huge.statusCode, 413);
    const wrongMethod = await t.server.inject({ method: 'GET', url: '/webhooks/orders-test' });
    assert.equal(wrongMethod.statusCode, 405);
    assert.deepEqual(await tableCounts(getDb(), ['runs']), before);
  });

  it('checks HMAC signatures and de-duplicates by idempotency key', async () => {
    const def = {
      schemaVersion: 1,
      nodes: [
        {
          id: 'hook',
          type: 'trigger.webhook',
          name: 'Hook',
          config: {
            path: 'signed-test',
            idempotencyHeader: 'Idempotency-Key',
            signature: { header: 'X-Signature', secret: 'top-secret-1', prefix: 'sha256=' },
          },
        },
      ],
      edges: [],
    };
    const created = await builder.request({ method: 'POST', url: '/api/v1/workflows', payload: { name: 'Signed', definition: def } });
    const id = (created.json() as { id: string }).id;
    await builder.request({ method: 'POST', url: `/api/v1/workflows/${id}/publish`, payload: {} });
    const payload = JSON.stringify({ n: 1 });
    const sig = `sha256=${createHmac('sha256', 'top-secret-1').update(payload).digest('hex')}`;
    const before = await tableCounts(getDb(), ['runs']);
    const forged = await t.server.inject({
      method: 'POST',
      url: '/webhooks/signed-test',
      headers: { 'content-type': 'application/json', 'x-signature': 'sha256=00' },
      payload,
    });
    assert.equal(forged.statusCode, 401);
    assert.deepEqual(await tableCounts(getDb(), ['runs']), before);
    const headers = { 'content-type': 'application/json', 'x-signature': sig, 'idempotency-key': 'delivery-7' };
    const first = await t.server.inject({ method: 'POST', url: '/webhooks/signed-test', headers, payload });
    assert.equal(first.statusCode, 202, first.body);
    const again = await t.server.inject({ method: 'POST', url: '/webhooks/signed-test', headers, payload });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), { runId: (first.json() as { runId: string }).runId, duplicate: true });
  });

  it('keeps versions and shows what changed', async () => {
    const changed = { ...W1, nodes: [W1.nodes[0], { ...W1.nodes[1], name: 'Summarise order' }, W1.nodes[2]] };
    const saved = await builder.request({ method: 'PUT', url: `/api/v1/workflows/${workflowId}`, payload: { definition: changed } });
    assert.equal(saved.statusCode, 200, saved.body);
    const diff = await builder.request({ url: `/api/v1/workflows/${workflowId}/diff?from=1&to=draft` });
    assert.deepEqual((diff.json() as { nodes: { changed: unknown } }).nodes.changed, [
      { id: 'summary', fields: [{ path: 'name', before: 'Summarise', after: 'Summarise order' }] },
    ]);
    await builder.request({ method: 'POST', url: `/api/v1/workflows/${workflowId}/publish`, payload: { note: 'renamed' } });
    const versions = (await builder.request({ url: `/api/v1/workflows/${workflowId}/versions` })).json() as {
      items: { version: number; note: string }[];
    };
    assert.deepEqual(
      versions.items.map((v) => [v.version, v.note]),
      [
        [2, 'renamed'],
        [1, 'first'],
      ],
    );
    const exported = await builder.request({ url: `/api/v1/workflows/${workflowId}/export` });
    const imported = await builder.request({
      method: 'POST',
      url: '/api/v1/workflows/import',
      payload: { ...(exported.json() as object), name: 'Orders copy' },
    });
    assert.equal(imported.statusCode, 201, imported.body);
    assert.deepEqual((imported.json() as { definition: unknown }).definition, (exported.json() as { definition: unknown }).definition);
  });

  it('tests a single step with sample data', async () => {
    const res = await builder.request({
      method: 'POST',
      url: `/api/v1/workflows/${workflowId}/test-step`,
      payload: { nodeId: 'summary', input: { body: { id: 'x', items: [1] } } },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((res.json() as { output: unknown }).output, { order: 'x', count: 1 });
  });

  it('lets members read but not build, publish or operate runs', async () => {
    assert.equal((await member.request({ url: '/api/v1/workflows' })).statusCode, 200);
    assert.equal((await member.request({ method: 'POST', url: '/api/v1/workflows', payload: { name: 'Nope' } })).statusCode, 403);
    assert.equal((await member.request({ method: 'POST', url: `/api/v1/workflows/${workflowId}/publish`, payload: {} })).statusCode, 403);
    assert.equal((await member.request({ method: 'POST', url: `/api/v1/workflows/${workflowId}/runs`, payload: {} })).statusCode, 403);
  });

  it('records workflow changes in the audit log', async () => {
    const rows = await getDb()
      .db.selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', workflowId)
      .orderBy('occurred_at')
      .execute();
    const actions = rows.map((r) => r.action);
    for (const a of ['workflow.create', 'workflow.publish', 'workflow.update']) assert.ok(actions.includes(a), actions.join(','));
  });
});
