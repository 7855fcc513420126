import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../testing/test-app.ts';

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describeEachDialect('sign-in, sessions and tokens', (getDb) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(getDb());
  });
  after(() => t.close());

  it('offers setup once, creates the first admin and signs them in', async () => {
    assert.deepEqual((await t.server.inject({ url: '/api/v1/setup' })).json(), { needsSetup: true });
    const res = await t.server.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'Owner@X.test', name: 'Owner', password: TEST_PASSWORD },
    });
    assert.equal(res.statusCode, 201, res.body);
    const cookie = res.cookies.find((c) => c.name === 'symbiont_session');
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, 'Lax');
    assert.ok(!cookie?.secure, 'not Secure over plain HTTP');
    const session = await t.server.inject({ url: '/api/v1/auth/session', cookies: { symbiont_session: cookie.value } });
    const body = session.json() as { user: { email: string }; roles: { role: string }[]; permissions: string[] };
    assert.equal(body.user.email, 'owner@x.test');
    assert.deepEqual(body.roles.map((r) => r.role).sort(), ['admin', 'member']);
    assert.ok(body.permissions.includes('roles.assign'));
    assert.deepEqual((await t.server.inject({ url: '/api/v1/setup' })).json(), { needsSetup: false });
    const again = await t.server.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'evil@x.test', name: 'Evil', password: TEST_PASSWORD },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(code(again), 'SETUP_ALREADY_DONE');
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const res = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'owner@x.test', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
      remoteAddress: '10.9.0.1',
    });
    assert.equal(res.statusCode, 200);
    // Without SYMBIONT_TRUST_PROXY a client-sent header must not change anything…
    assert.ok(!res.cookies.find((c) => c.name === 'symbiont_session')?.secure);
    // …behind a trusted TLS proxy the cookie is Secure.
    const proxied = await createTestApp(getDb(), { trustProxy: true });
    try {
      const viaProxy = await proxied.server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'owner@x.test', password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.equal(viaProxy.statusCode, 200);
      assert.equal(viaProxy.cookies.find((c) => c.name === 'symbiont_session')?.secure, true);
    } finally {
      await proxied.close();
    }
  });

  it('rejects a wrong password with the same error as an unknown e-mail', async () => {
    const wrong = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'owner@x.test', password: 'nope-nope-nope' },
      remoteAddress: '10.1.0.1',
    });
    const unknown = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ghost@x.test', password: 'nope-nope-nope' },
      remoteAddress: '10.1.0.2',
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(code(wrong), 'INVALID_CREDENTIALS');
    assert.equal(
      (wrong.json() as { error: { message: string } }).error.message,
      (unknown.json() as { error: { message: string } }).error.message,
    );
  });

  it('locks an account after 5 wrong passwords for 15 minutes, then lets it in', async () => {
    await t.createUser('locked@x.test');
    const attempt = (password: string, n: number) =>
      t.server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'locked@x.test', password },
        remoteAddress: `10.2.0.${n}`,
      });
    for (let i = 1; i <= 4; i++) assert.equal((await attempt('wrong-password-x', i)).statusCode, 401);
    const fifth = await attempt('wrong-password-x', 5);
    assert.equal(fifth.statusCode, 423);
    assert.equal(code(fifth), 'ACCOUNT_LOCKED');
    const right = await attempt(TEST_PASSWORD, 6);
    assert.equal(right.statusCode, 423, 'even the right password is refused while locked');
    assert.ok(Number(right.headers['retry-after']) > 0);
    t.clock.advance(15 * 60_000 + 1000);
    assert.equal((await attempt(TEST_PASSWORD, 7)).statusCode, 200);
    const audit = await t.handle.db.selectFrom('audit_events').select('action').where('action', '=', 'user.lock').execute();
    assert.equal(audit.length, 1);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `nobody${i}@x.test`, password: 'whatever-123' },
        remoteAddress: '10.3.0.1',
      });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
    assert.deepEqual(statuses.slice(10), [429, 429]);
    t.clock.advance(61_000);
    const later = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@x.test', password: 'whatever-123' },
      remoteAddress: '10.3.0.1',
    });
    assert.equal(later.statusCode, 401);
  });

  it('refuses cookie-authenticated writes without the right CSRF token', async () => {
    const s = await t.login('owner@x.test');
    const none = await s.request({ method: 'POST', url: '/api/v1/teams', payload: { name: 'NoCsrf' }, headers: { 'x-csrf-token': '' } });
    assert.equal(none.statusCode, 403);
    assert.equal(code(none), 'CSRF_TOKEN_INVALID');
    const wrong = await s.request({
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'NoCsrf' },
      headers: { 'x-csrf-token': 'x'.repeat(32) },
    });
    assert.equal(code(wrong), 'CSRF_TOKEN_INVALID');
    assert.equal(await t.handle.db.selectFrom('teams').select('id').where('name', '=', 'NoCsrf').executeTakeFirst(), undefined);
    assert.equal((await s.request({ method: 'POST', url: '/api/v1/teams', payload: { name: 'WithCsrf' } })).statusCode, 201);
  });

  it('ends a session on logout and after 24 hours idle', async () => {
    const s = await t.login('owner@x.test');
    assert.equal((await s.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode, 204);
    assert.equal((await s.request({ url: '/api/v1/auth/session' })).statusCode, 401);
    const idle = await t.login('owner@x.test');
    t.clock.advance(23 * 3_600_000);
    assert.equal((await idle.request({ url: '/api/v1/auth/session' })).statusCode, 200, 'use refreshes the idle timer');
    t.clock.advance(24 * 3_600_000 + 1000);
    assert.equal((await idle.request({ url: '/api/v1/auth/session' })).statusCode, 401);
  });

  it('lets API tokens act within their scopes only, until revoked or expired', async () => {
    const s = await t.login('owner@x.test');
    const make = async (scopes: string[], expiresInDays?: number) => {
      const res = await s.request({
        method: 'POST',
        url: '/api/v1/api-tokens',
        payload: { name: scopes.join('+'), scopes, expiresInDays },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { token: string; apiToken: { id: string; prefix: string } };
    };
    const read = await make(['read']);
    assert.match(read.token, /^sym_[A-Za-z0-9]{8}_/);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    assert.equal((await t.server.inject({ url: '/api/v1/teams', headers: bearer(read.token) })).statusCode, 200);
    const write = await t.server.inject({
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'ByToken' },
      headers: bearer(read.token),
    });
    assert.equal(write.statusCode, 403);
    assert.equal(code(write), 'INSUFFICIENT_SCOPE');

    const rw = await make(['read', 'write']);
    assert.equal(
      (await t.server.inject({ method: 'POST', url: '/api/v1/teams', payload: { name: 'ByToken' }, headers: bearer(rw.token) })).statusCode,
      201,
      'tokens need no CSRF header',
    );
    const adminAction = await t.server.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'tok@x.test', name: 'Tok' },
      headers: bearer(rw.token),
    });
    assert.equal(code(adminAction), 'INSUFFICIENT_SCOPE', 'admin actions need the admin scope');

    assert.equal((await s.request({ method: 'DELETE', url: `/api/v1/api-tokens/${rw.apiToken.id}` })).statusCode, 204);
    const revoked = await t.server.inject({ url: '/api/v1/teams', headers: bearer(rw.token) });
    assert.equal(revoked.statusCode, 401);
    assert.equal(code(revoked), 'TOKEN_INVALID');

    const short = await make(['read'], 1);
    t.clock.advance(86_400_000 + 1000);
    assert.equal((await t.server.inject({ url: '/api/v1/teams', headers: bearer(short.token) })).statusCode, 401);
    const stored = await t.handle.db.selectFrom('api_tokens').select('token_hash').execute();
    assert.ok(
      stored.every((r) => r.token_hash.length === 64 && !r.token_hash.startsWith('sym_')),
      'only hashes are stored',
    );
  });

  it('does not let a member mint a token with more than their roles allow', async () => {
    await t.createUser('plain@x.test');
    const s = await t.login('plain@x.test');
    const res = await s.request({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'too much', scopes: ['read', 'admin'] } });
    assert.equal(res.statusCode, 403);
  });

  it('keeps the last administrator', async () => {
    const s = await t.login('owner@x.test');
    const owner = (await s.request({ url: '/api/v1/auth/session' })).json() as {
      user: { id: string };
      roles: { id: string; role: string }[];
    };
    const adminRole = owner.roles.find((r) => r.role === 'admin');
    const revoke = await s.request({ method: 'DELETE', url: `/api/v1/role-assignments/${adminRole?.id}` });
    assert.equal(revoke.statusCode, 409);
    assert.equal(code(revoke), 'LAST_ADMIN');
    const deactivate = await s.request({ method: 'PATCH', url: `/api/v1/users/${owner.user.id}`, payload: { isActive: false } });
    assert.equal(code(deactivate), 'LAST_ADMIN');
  });

  it('signs out a deactivated user and refuses their sign-in', async () => {
    const id = await t.createUser('leaver@x.test');
    const leaver = await t.login('leaver@x.test');
    const admin = await t.login('owner@x.test');
    assert.equal((await admin.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { isActive: false } })).statusCode, 200);
    assert.equal((await leaver.request({ url: '/api/v1/auth/session' })).statusCode, 401);
    const res = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'leaver@x.test', password: TEST_PASSWORD },
      remoteAddress: '10.4.0.1',
    });
    assert.equal(code(res), 'ACCOUNT_DISABLED');
  });

  it('changes your own password only with the current one', async () => {
    await t.createUser('changer@x.test');
    const s: Session = await t.login('changer@x.test');
    const wrong = await s.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'not-it', newPassword: 'brand-new-password' },
    });
    assert.equal(wrong.statusCode, 400);
    const ok = await s.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'brand-new-password' },
    });
    assert.equal(ok.statusCode, 204);
    await t.login('changer@x.test', 'brand-new-password');
  });
});

describeEachDialect('session housekeeping', (getDb) => {
  it('purges sessions that expired or went idle, and keeps live ones', async () => {
    const t = await createTestApp(getDb());
    try {
      await t.createUser('a@x.test');
      const stale = await t.login('a@x.test');
      t.clock.advance(20 * 3_600_000);
      const fresh = await t.login('a@x.test');
      t.clock.advance(5 * 3_600_000);
      await t.services.sessions.purgeExpired();
      const left = await t.handle.db.selectFrom('sessions').select('id').execute();
      assert.equal(left.length, 1);
      assert.equal((await fresh.request({ url: '/api/v1/auth/session' })).statusCode, 200);
      assert.equal((await stale.request({ url: '/api/v1/auth/session' })).statusCode, 401);
    } finally {
      await t.close();
    }
  });
});

describeEachDialect('modules in the session', (getDb) => {
  let m: TestApp;
  before(async () => {
    m = await createTestApp(getDb());
  });
  after(() => m.close());

  it('lists only the modules the person may open', async () => {
    await m.createUser('maker@x.test', ['builder']);
    await m.createUser('member-only@x.test');
    const keys = async (email: string) =>
      (
        (await (await m.login(email)).request({ url: '/api/v1/auth/session' })).json().modules as { key: string; permission?: string }[]
      ).map((m) => {
        assert.equal(m.permission, undefined, 'the permission stays on the server');
        return m.key;
      });
    const builder = await keys('maker@x.test');
    const member = await keys('member-only@x.test');
    assert.ok(builder.includes('forms') && builder.includes('process-audit'));
    assert.ok(!member.includes('forms') && !member.includes('process-audit'), member.join());
    assert.ok(member.includes('tasks') && member.includes('ideas') && member.includes('workflows'));
  });
});
