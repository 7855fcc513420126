import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { createTestApp, type Session, type TestApp, tableCounts } from '../../testing/test-app.ts';

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

  it('refuses a team that does not exist, and stores nothing', async () => {
    const before = await tableCounts(getDb(), ['workflows', 'audit_events']);
    const res = await builder.request({ method: 'POST', url: '/api/v1/workflows', payload: { name: 'Ghost', teamId: 'no-such-team' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'TEAM_NOT_FOUND');
    assert.deepEqual(await tableCounts(getDb(), ['workflows', 'audit_events']), before);
  });
});
