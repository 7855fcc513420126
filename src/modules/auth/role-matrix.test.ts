import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import type { RoleKey } from '../../platform/permissions/catalog.ts';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';

type Action = (s: Session, t: TestApp, n: number) => Promise<number>;
const op = cliActor('test setup');

/** Each action builds its own target first, so actions never depend on each other. */
const ACTIONS: Record<string, Action> = {
  'list users': async (s) => (await s.request({ url: '/api/v1/users' })).statusCode,
  'create user': async (s, _t, n) =>
    (await s.request({ method: 'POST', url: '/api/v1/users', payload: { email: `new${n}@x.test`, name: 'New' } })).statusCode,
  'edit user': async (s, t, n) => {
    const id = await t.createUser(`edit${n}@x.test`);
    return (await s.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { name: 'Renamed' } })).statusCode;
  },
  'reset password': async (s, t, n) => {
    const id = await t.createUser(`reset${n}@x.test`);
    return (await s.request({ method: 'POST', url: `/api/v1/users/${id}/password`, payload: { password: 'another-long-password' } }))
      .statusCode;
  },
  'list teams': async (s) => (await s.request({ url: '/api/v1/teams' })).statusCode,
  'create team': async (s, _t, n) => (await s.request({ method: 'POST', url: '/api/v1/teams', payload: { name: `Team ${n}` } })).statusCode,
  'edit team': async (s, t, n) => {
    const team = await t.services.teams.create(op, { name: `Edit ${n}`, description: '' });
    return (await s.request({ method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { description: 'x' } })).statusCode;
  },
  'delete team': async (s, t, n) => {
    const team = await t.services.teams.create(op, { name: `Delete ${n}`, description: '' });
    return (await s.request({ method: 'DELETE', url: `/api/v1/teams/${team.id}` })).statusCode;
  },
  'add team member': async (s, t, n) => {
    const team = await t.services.teams.create(op, { name: `Members ${n}`, description: '' });
    return (await s.request({ method: 'PUT', url: `/api/v1/teams/${team.id}/members/${s.userId}`, payload: {} })).statusCode;
  },
  'list role assignments': async (s) => (await s.request({ url: '/api/v1/role-assignments' })).statusCode,
  'assign role': async (s, t, n) => {
    const id = await t.createUser(`assign${n}@x.test`);
    return (
      await s.request({ method: 'POST', url: '/api/v1/role-assignments', payload: { userId: id, role: 'builder', scopeType: 'global' } })
    ).statusCode;
  },
  'revoke role': async (s, t, n) => {
    const id = await t.createUser(`revoke${n}@x.test`, ['builder']);
    const assignment = (await t.services.roles.list(op, id)).find((r) => r.role === 'builder');
    return (await s.request({ method: 'DELETE', url: `/api/v1/role-assignments/${assignment?.id}` })).statusCode;
  },
  'read audit log': async (s) => (await s.request({ url: '/api/v1/audit-events' })).statusCode,
  'export audit log': async (s) => (await s.request({ url: '/api/v1/audit-events/export?format=json' })).statusCode,
  'create own read token': async (s) =>
    (await s.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'mine', scopes: ['read'] } })).statusCode,
  "list everyone's tokens": async (s) => (await s.request({ url: '/api/v1/api-tokens?all=true' })).statusCode,
  "revoke someone else's token": async (s, t, n) => {
    const id = await t.createUser(`owner${n}@x.test`);
    const owner = await t.login(`owner${n}@x.test`);
    const created = await owner.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'theirs', scopes: ['read'] } });
    const tokenId = (created.json() as { apiToken: { id: string } }).apiToken.id;
    assert.ok(id);
    return (await s.request({ method: 'DELETE', url: `/api/v1/api-tokens/${tokenId}` })).statusCode;
  },
};

const ROLES: RoleKey[] = ['admin', 'programme_manager', 'approver', 'builder', 'member', 'viewer'];

/** The specification: which global role may do what (docs/roles.md shows the same table). */
const ALLOWED: Record<string, RoleKey[]> = {
  'list users': ROLES,
  'create user': ['admin'],
  'edit user': ['admin'],
  'reset password': ['admin'],
  'list teams': ROLES,
  'create team': ['admin', 'programme_manager'],
  'edit team': ['admin', 'programme_manager'],
  'delete team': ['admin', 'programme_manager'],
  'add team member': ['admin', 'programme_manager'],
  'list role assignments': ROLES,
  'assign role': ['admin'],
  'revoke role': ['admin'],
  'read audit log': ['admin', 'programme_manager'],
  'export audit log': ['admin', 'programme_manager'],
  'create own read token': ROLES,
  "list everyone's tokens": ['admin'],
  "revoke someone else's token": ['admin'],
};

describeEachDialect('role matrix', (getDb) => {
  let t: TestApp;
  const sessions = new Map<RoleKey, Session>();
  before(async () => {
    t = await createTestApp(getDb());
    for (const role of ROLES) {
      await t.createUser(`${role}@x.test`, role === 'member' ? [] : [role]);
      sessions.set(role, await t.login(`${role}@x.test`));
    }
  });
  after(() => t.close());

  let n = 0;
  for (const role of ROLES) {
    it(`lets ${role} do exactly what the matrix allows, and answers 403 otherwise`, async () => {
      const session = sessions.get(role) as Session;
      const mismatches: string[] = [];
      for (const [name, action] of Object.entries(ACTIONS)) {
        n += 1;
        const status = await action(session, t, n);
        const allowed = ALLOWED[name]?.includes(role) ?? false;
        const ok = allowed ? status >= 200 && status < 300 : status === 403;
        if (!ok) mismatches.push(`${name}: expected ${allowed ? '2xx' : '403'}, got ${status}`);
      }
      assert.deepEqual(mismatches, []);
    });
  }

  it('limits a team-scoped programme manager to their own team', async () => {
    const mine = await t.services.teams.create(op, { name: 'Scoped mine', description: '' });
    const other = await t.services.teams.create(op, { name: 'Scoped other', description: '' });
    const id = await t.createUser('scoped-pm@x.test');
    await t.services.roles.assign(op, { userId: id, role: 'programme_manager', scopeType: 'team', scopeId: mine.id });
    const s = await t.login('scoped-pm@x.test');
    const patch = (teamId: string) => s.request({ method: 'PATCH', url: `/api/v1/teams/${teamId}`, payload: { description: 'changed' } });
    assert.equal((await patch(mine.id)).statusCode, 200);
    assert.equal((await patch(other.id)).statusCode, 403);
    assert.equal(
      (await s.request({ method: 'PUT', url: `/api/v1/teams/${mine.id}/members/${id}`, payload: { isManager: true } })).statusCode,
      204,
    );
    assert.equal((await s.request({ method: 'PUT', url: `/api/v1/teams/${other.id}/members/${id}`, payload: {} })).statusCode, 403);
    assert.equal((await s.request({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Not allowed' } })).statusCode, 403);
    assert.equal((await s.request({ url: '/api/v1/audit-events' })).statusCode, 403, 'team scope does not grant the global audit log');
  });
});
