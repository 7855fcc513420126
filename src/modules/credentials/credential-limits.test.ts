import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { createTestApp, type Session, type TestApp, tableCounts } from '../../testing/test-app.ts';
import { type CredentialLimiter, createCredentialLimiter, type LimitGrant } from './credential-limits.service.ts';

const HOLD_MS = 60_000;
const httpFields = { scheme: 'bearer', token: 'tok-never-shown' };

describeEachDialect('credential rate limits', (getDb, dialect) => {
  let t: TestApp;
  let builder: Session;
  let limiter: CredentialLimiter;
  const now = () => t.clock.now().getTime();

  async function slotRows(credentialId: string) {
    return getDb()
      .db.selectFrom('credential_limit_slots')
      .selectAll()
      .where('credential_id', '=', credentialId)
      .orderBy('kind')
      .orderBy('slot')
      .execute();
  }

  async function create(name: string, rateLimit: unknown): Promise<string> {
    const res = await builder.request({
      method: 'POST',
      url: '/api/v1/credentials',
      payload: { name, type: 'http_auth', fields: httpFields, rateLimit },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id;
  }

  before(async () => {
    t = await createTestApp(getDb(), { now: '2026-11-24T09:00:00.000Z' });
    await t.createUser('builder@x.test', ['builder']);
    builder = await t.login('builder@x.test');
    limiter = createCredentialLimiter({ db: getDb().db, dialect, clock: t.clock, holdMs: HOLD_MS });
  });
  after(() => t.close());

  it('stores a rate limit with the credential, shows it and audits it, with one slot per request', async () => {
    const id = await create('Shop API', { requests: 3, per: 'second' });
    const view = (await builder.request({ method: 'GET', url: `/api/v1/credentials/${id}` })).json();
    assert.deepEqual(view.rateLimit, { requests: 3, per: 'second', maxConcurrent: null });
    const listed = (await builder.request({ method: 'GET', url: '/api/v1/credentials?q=Shop' })).json();
    assert.deepEqual(listed.items[0].rateLimit, { requests: 3, per: 'second', maxConcurrent: null });
    assert.equal((await slotRows(id)).length, 3);
    const entry = await getDb()
      .db.selectFrom('audit_events')
      .selectAll()
      .where('object_id', '=', id)
      .where('action', '=', 'credential.create')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(entry.after_json ?? '{}').rateLimit, { requests: 3, per: 'second', maxConcurrent: null });
  });

  it('refuses a limit that makes no sense, naming the field, and stores nothing', async () => {
    const counts = await tableCounts(getDb(), ['credentials', 'credential_limits', 'credential_limit_slots', 'audit_events']);
    for (const rateLimit of [
      { requests: 0, per: 'second' },
      { requests: 5, per: 'day' },
      { requests: 20_000, per: 'hour' },
      { requests: 5, per: 'second', maxConcurrent: 0 },
    ]) {
      const res = await builder.request({
        method: 'POST',
        url: '/api/v1/credentials',
        payload: { name: 'Bad', type: 'http_auth', fields: httpFields, rateLimit },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.ok(
        res.json().error.details.issues.some((i: { path: string }) => i.path.startsWith('rateLimit.')),
        res.body,
      );
    }
    assert.deepEqual(await tableCounts(getDb(), ['credentials', 'credential_limits', 'credential_limit_slots', 'audit_events']), counts);
  });

  it('grants as many calls as the window allows, then defers to when a slot frees', async () => {
    const id = await create('Two a second', { requests: 2, per: 'second' });
    const a = (await limiter.acquire(id)) as LimitGrant;
    const b = (await limiter.acquire(id)) as LimitGrant;
    assert.ok(a.granted && b.granted);
    const c = await limiter.acquire(id);
    assert.equal(c.granted, false);
    // Both slots in flight: the earliest one frees at its end + 1 s, so not before now + 1 s.
    assert.equal(!c.granted && c.retryAt.getTime(), now() + 1000);
    t.clock.advance(150);
    await a.release();
    const [slotA] = (await slotRows(id)).filter((s) => s.holder === null);
    assert.equal(slotA?.free_at, new Date(now() + 1000).toISOString(), 'free again one window after the call ended');
    t.clock.advance(999);
    const d = await limiter.acquire(id);
    assert.equal(d.granted, false, 'one window after the end has not passed yet');
    // Deferred behind c: one spacing (500 ms) after c's time.
    assert.equal(!d.granted && d.retryAt.getTime(), new Date('2026-11-24T09:00:01.000Z').getTime() + 500);
    t.clock.advance(1);
    const e = await limiter.acquire(id);
    assert.ok(e.granted);
    await b.release();
    await (e as LimitGrant).release();
  });

  it('frees a slot whose holder never came back once its hold ran out', async () => {
    const id = await create('One a minute', { requests: 1, per: 'minute' });
    const crashed = (await limiter.acquire(id)) as LimitGrant;
    assert.ok(crashed.granted);
    t.clock.advance(HOLD_MS - 1);
    assert.equal((await limiter.acquire(id)).granted, false);
    t.clock.advance(1);
    const taken = await limiter.acquire(id);
    assert.ok(taken.granted, 'the crashed call’s hold ran out');
    // The first holder coming back late frees nothing: the slot is no longer its own.
    await crashed.release();
    assert.equal((await slotRows(id))[0]?.holder !== null, true);
    await (taken as LimitGrant).release();
  });

  it('caps calls in flight with maxConcurrent, giving the rate slot back when no concurrency slot is free', async () => {
    const id = await create('One at a time', { requests: 5, per: 'second', maxConcurrent: 1 });
    assert.deepEqual(
      (await slotRows(id)).map((s) => s.kind),
      ['concurrency', 'rate', 'rate', 'rate', 'rate', 'rate'],
    );
    const first = (await limiter.acquire(id)) as LimitGrant;
    assert.ok(first.granted);
    const second = await limiter.acquire(id);
    assert.equal(second.granted, false);
    assert.equal(!second.granted && second.kind, 'concurrency');
    assert.equal(
      (await slotRows(id)).filter((s) => s.holder !== null).length,
      2,
      'one rate and one concurrency slot held, not two rate slots',
    );
    await first.release();
    const third = await limiter.acquire(id);
    assert.ok(third.granted, 'the concurrency slot frees as the call ends');
    await (third as LimitGrant).release();
  });

  it('hands each of many simultaneous callers a different slot or none', async () => {
    const id = await create('Five a second', { requests: 5, per: 'second' });
    const results = await Promise.all(Array.from({ length: 20 }, () => limiter.acquire(id)));
    const granted = results.filter((r) => r.granted);
    assert.equal(granted.length, 5);
    const held = (await slotRows(id)).filter((s) => s.holder !== null);
    assert.equal(new Set(held.map((s) => s.holder)).size, 5);
    const retryTimes = results.filter((r) => !r.granted).map((r) => (r.granted ? 0 : r.retryAt.getTime()));
    assert.equal(new Set(retryTimes).size, 15, 'deferred callers are spread, not sent back all at once');
    for (const g of granted) await (g as LimitGrant).release();
  });

  it('resizes the slots when the limit changes, keeping the state of those that stay, and removes them with null', async () => {
    const id = await create('Resized', { requests: 2, per: 'second' });
    const held = (await limiter.acquire(id)) as LimitGrant;
    const patch = await builder.request({
      method: 'PATCH',
      url: `/api/v1/credentials/${id}`,
      payload: { rateLimit: { requests: 4, per: 'second' } },
    });
    assert.equal(patch.statusCode, 200, patch.body);
    assert.deepEqual(patch.json().rateLimit, { requests: 4, per: 'second', maxConcurrent: null });
    const rows = await slotRows(id);
    assert.equal(rows.length, 4);
    assert.equal(rows.filter((r) => r.holder !== null).length, 1, 'the call in flight keeps its slot');
    await held.release();
    const entry = await getDb()
      .db.selectFrom('audit_events')
      .selectAll()
      .where('object_id', '=', id)
      .where('action', '=', 'credential.update')
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(entry.before_json ?? '{}').rateLimit.requests, 2);
    assert.equal(JSON.parse(entry.after_json ?? '{}').rateLimit.requests, 4);
    const rename = await builder.request({ method: 'PATCH', url: `/api/v1/credentials/${id}`, payload: { name: 'Resized API' } });
    assert.equal(rename.json().rateLimit.requests, 4, 'a patch without rateLimit keeps it');
    const cleared = await builder.request({ method: 'PATCH', url: `/api/v1/credentials/${id}`, payload: { rateLimit: null } });
    assert.equal(cleared.json().rateLimit, null);
    assert.equal((await slotRows(id)).length, 0);
    assert.ok((await limiter.acquire(id)).granted, 'no limit: always granted');
  });

  it('deletes the limit with the credential', async () => {
    const credential = await t.services.credentials.create(cliActor('test'), {
      name: 'Gone',
      type: 'http_auth',
      fields: httpFields,
      rateLimit: { requests: 2, per: 'hour', maxConcurrent: 1 },
    });
    await t.services.credentials.remove(cliActor('test'), credential.id);
    assert.equal((await slotRows(credential.id)).length, 0);
    const limit = await getDb()
      .db.selectFrom('credential_limits')
      .selectAll()
      .where('credential_id', '=', credential.id)
      .executeTakeFirst();
    assert.equal(limit, undefined);
    const entry = await getDb()
      .db.selectFrom('audit_events')
      .selectAll()
      .where('object_id', '=', credential.id)
      .where('action', '=', 'credential.delete')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(entry.before_json ?? '{}').rateLimit, { requests: 2, per: 'hour', maxConcurrent: 1 });
  });

  it('documents the rate limit in OpenAPI', async () => {
    const doc = (await builder.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const text = JSON.stringify(doc.paths['/api/v1/credentials'].post);
    assert.ok(text.includes('rateLimit') && text.includes('maxConcurrent'));
  });
});
