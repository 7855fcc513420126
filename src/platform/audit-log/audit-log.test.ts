import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { describeEachDialect } from '../db/testing/test-database.ts';

interface AuditEvent {
  id: string;
  action: string;
  actorLabel: string;
  actorId: string | null;
  objectId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

describeEachDialect('audit log', (getDb) => {
  let t: TestApp;
  let admin: Session;
  before(async () => {
    t = await createTestApp(getDb());
    await t.createUser('admin@x.test', ['admin']);
    admin = await t.login('admin@x.test');
  });
  after(() => t.close());

  async function events(query = ''): Promise<AuditEvent[]> {
    const res = await admin.request({ url: `/api/v1/audit-events${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { items: AuditEvent[] }).items;
  }

  it('records a change with actor, before and after, and the request id', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Bakery', description: 'Bread' } });
    const team = created.json() as { id: string };
    const updated = await admin.request({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      payload: { description: 'Bread and cakes' },
      headers: { 'x-request-id': 'req-audit-1' },
    });
    assert.equal(updated.statusCode, 200);
    const [entry] = await events(`?action=team.update&objectId=${team.id}`);
    assert.ok(entry, 'an entry exists');
    assert.equal(entry.actorId, admin.userId);
    assert.equal(entry.actorLabel, 'admin');
    assert.equal(entry.before?.description, 'Bread');
    assert.equal(entry.after?.description, 'Bread and cakes');
    assert.equal(entry.requestId, 'req-audit-1');
  });

  it('never stores a password or token in an entry', async () => {
    await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'p@x.test', name: 'P', password: 'super-secret-password' },
    });
    const created = await admin.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 't', scopes: ['read'] } });
    const token = (created.json() as { token: string }).token;
    const all = JSON.stringify(await events('?limit=200'));
    assert.ok(!all.includes('super-secret-password'));
    assert.ok(!all.includes(token));
    assert.ok(!all.includes('scrypt$'));
  });

  it('filters by action prefix, actor and free text, newest first, with cursor pages', async () => {
    for (const name of ['Alpha', 'Beta', 'Gamma']) await admin.request({ method: 'POST', url: '/api/v1/teams', payload: { name } });
    const teamEvents = await events(`?action=team.&actorId=${admin.userId}`);
    assert.ok(teamEvents.every((e) => e.action.startsWith('team.')));
    const page1 = await admin.request({ url: '/api/v1/audit-events?action=team.create&limit=2' });
    const body1 = page1.json() as { items: AuditEvent[]; nextCursor: string };
    assert.equal(body1.items.length, 2);
    assert.deepEqual(
      body1.items.map((e) => e.after?.name),
      ['Gamma', 'Beta'],
    );
    const body2 = (await admin.request({ url: `/api/v1/audit-events?action=team.create&limit=2&cursor=${body1.nextCursor}` })).json() as {
      items: AuditEvent[];
    };
    assert.deepEqual(
      body2.items.map((e) => e.after?.name),
      ['Alpha', 'Bakery'],
    );
    const text = await events('?q=gamma');
    assert.ok(text.length >= 1 && text.every((e) => JSON.stringify(e).toLowerCase().includes('gamma')));
  });

  it('exports CSV and JSON with the same events', async () => {
    const json = await admin.request({ url: '/api/v1/audit-events/export?format=json&action=team.create' });
    assert.equal(json.statusCode, 200);
    assert.match(String(json.headers['content-disposition']), /attachment; filename="symbiont-audit-.*\.json"/);
    const rows = JSON.parse(json.body) as AuditEvent[];
    assert.equal(rows.length, 4);
    const csv = await admin.request({ url: '/api/v1/audit-events/export?format=csv&action=team.create' });
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    assert.equal(lines[0], 'id,occurredAt,actorType,actorId,actorLabel,action,objectType,objectId,before,after,requestId,ip');
    assert.equal(lines.length, 5);
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      rows.map((r) => r.id),
    );
  });

  it('offers no API to change or delete entries', async () => {
    const [entry] = await events();
    assert.ok(entry);
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await admin.request({ method, url: `/api/v1/audit-events/${entry.id}`, payload: {} });
      assert.equal(res.statusCode, 404, `${method} has no route`);
    }
    assert.ok(
      !t.server.registeredRoutes.some((r) => r.url.startsWith('/api/v1/audit-events') && r.method !== 'GET' && r.method !== 'HEAD'),
    );
  });

  it('refuses modification in the database itself', async () => {
    const [entry] = await events();
    assert.ok(entry);
    await assert.rejects(sql`update audit_events set action = 'forged' where id = ${entry.id}`.execute(t.handle.db), /AUDIT_LOG_IMMUTABLE/);
    await assert.rejects(sql`delete from audit_events where id = ${entry.id}`.execute(t.handle.db), /AUDIT_LOG_IMMUTABLE/);
    const [again] = await events();
    assert.equal(again?.action, entry.action);
  });
});
