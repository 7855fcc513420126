import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp, tableCounts } from '../../testing/test-app.ts';

describeEachDialect('workflows owned by a team', (getDb) => {
  let t: TestApp;
  let builder: Session;
  let shop = '';
  let office = '';
  before(async () => {
    t = await createTestApp(getDb());
    await t.createUser('builder@x.test', ['builder']);
    builder = await t.login('builder@x.test');
    shop = (await t.services.teams.create(cliActor('test'), { name: 'Shop', description: '' })).id;
    office = (await t.services.teams.create(cliActor('test'), { name: 'Office', description: '' })).id;
  });
  after(() => t.close());

  it('creates a workflow for a team, lists by team, moves and clears it — audited', async () => {
    const created = await builder.request({ method: 'POST', url: '/api/v1/workflows', payload: { name: 'Orders', teamId: shop } });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    assert.equal(created.json().teamId, shop);
    await builder.request({ method: 'POST', url: '/api/v1/workflows', payload: { name: 'Payroll', teamId: office } });
    const listed = (await builder.request({ method: 'GET', url: `/api/v1/workflows?teamId=${shop}` })).json();
    assert.deepEqual(
      listed.items.map((w: { name: string }) => w.name),
      ['Orders'],
    );
    const moved = await builder.request({ method: 'PUT', url: `/api/v1/workflows/${id}`, payload: { teamId: office } });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().teamId, office);
    const cleared = await builder.request({ method: 'PUT', url: `/api/v1/workflows/${id}`, payload: { teamId: null } });
    assert.equal(cleared.json().teamId, null);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['before_json', 'after_json'])
      .where('object_id', '=', id)
      .where('action', '=', 'workflow.update')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => [JSON.parse(a.before_json ?? '{}').teamId, JSON.parse(a.after_json ?? '{}').teamId]),
      [
        [shop, office],
        [office, null],
      ],
    );
  });

  it("lets a team's builder build, run and publish the team's workflows, and nothing outside the team", async () => {
    await t.services.users.create(cliActor('test'), {
      email: 'shop-builder@x.test',
      name: 'Shop builder',
      password: TEST_PASSWORD,
      teamIds: [shop],
      roles: [{ role: 'builder', scopeType: 'team', scopeId: shop }],
    });
    const shopBuilder = await t.login('shop-builder@x.test');
    const mine = await shopBuilder.request({ method: 'POST', url: '/api/v1/workflows', payload: { name: 'Shop rota', teamId: shop } });
    assert.equal(mine.statusCode, 201, mine.body);
    const id = mine.json().id as string;
    const published = await shopBuilder.request({ method: 'POST', url: `/api/v1/workflows/${id}/publish`, payload: { note: 'v1' } });
    assert.equal(published.statusCode, 200, published.body);
    const before = await tableCounts(getDb(), ['workflows', 'audit_events']);
    for (const [method, url, payload] of [
      ['POST', '/api/v1/workflows', { name: 'Payroll', teamId: office }],
      ['POST', '/api/v1/workflows', { name: 'Nobody’s' }],
      ['PUT', `/api/v1/workflows/${id}`, { teamId: office }],
    ] as const) {
      const res = await shopBuilder.request({ method, url, payload });
      assert.equal(res.statusCode, 403, `${method} ${url} ${JSON.stringify(payload)}`);
    }
    const officeFlow = await builder.request({ method: 'POST', url: '/api/v1/workflows', payload: { name: 'Invoices', teamId: office } });
    const officeId = officeFlow.json().id as string;
    const publish = await shopBuilder.request({ method: 'POST', url: `/api/v1/workflows/${officeId}/publish`, payload: { note: '' } });
    assert.equal(publish.statusCode, 403);
    const archive = await shopBuilder.request({ method: 'DELETE', url: `/api/v1/workflows/${officeId}` });
    assert.equal(archive.statusCode, 403);
    const after = await tableCounts(getDb(), ['workflows', 'audit_events']);
    assert.deepEqual(
      { workflows: (after.workflows ?? 0) - 1, audit_events: (after.audit_events ?? 0) - 1 },
      before,
      'only the office workflow was added',
    );
  });

  it("writes a caller's records in the workflow's own transaction: when they fail, no workflow is left", async () => {
    const before = await tableCounts(getDb(), ['workflows', 'audit_events']);
    await assert.rejects(
      t.services.workflows.create(cliActor('test'), { name: 'Half made', teamId: shop }, async (trx, created) => {
        assert.equal((await trx.selectFrom('workflows').select('name').where('id', '=', created.id).executeTakeFirst())?.name, 'Half made');
        throw new Error('the link could not be written');
      }),
      /the link could not be written/,
    );
    assert.deepEqual(await tableCounts(getDb(), ['workflows', 'audit_events']), before);
  });

  it('refuses a team that does not exist, and stores nothing', async () => {
    const before = await tableCounts(getDb(), ['workflows', 'audit_events']);
    const res = await builder.request({ method: 'POST', url: '/api/v1/workflows', payload: { name: 'Ghost', teamId: 'no-such-team' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'TEAM_NOT_FOUND');
    assert.deepEqual(await tableCounts(getDb(), ['workflows', 'audit_events']), before);
  });
});
