import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachDialect } from './platform/db/testing/test-database.ts';
import { createTestApp, type Session, type TestApp, tableCounts } from './testing/test-app.ts';

const TABLES = ['users', 'teams', 'team_members', 'role_assignments', 'api_tokens', 'audit_events'];

interface ErrorResponse {
  error: { code: string; message: string; details: { issues?: { path: string; message: string }[] } | null };
  requestId: string;
}

describeEachDialect('bad input gets a clear error and changes nothing', (getDb) => {
  let t: TestApp;
  let admin: Session;
  before(async () => {
    t = await createTestApp(getDb());
    await t.createUser('admin@x.test', ['admin']);
    admin = await t.login('admin@x.test');
  });
  after(() => t.close());

  async function refused(
    request: Parameters<Session['request']>[0],
    status: number,
    code: string,
    paths: string[] = [],
  ): Promise<ErrorResponse> {
    const beforeCounts = await tableCounts(t.handle, TABLES);
    const res = await admin.request(request);
    assert.equal(res.statusCode, status, res.body);
    const body = res.json() as ErrorResponse;
    assert.equal(body.error.code, code);
    assert.ok(body.error.message.length > 0);
    assert.equal(body.requestId, res.headers['x-request-id']);
    const reported = (body.error.details?.issues ?? []).map((i) => i.path);
    for (const path of paths) assert.ok(reported.includes(path), `issue for ${path} in ${JSON.stringify(reported)}`);
    assert.deepEqual(await tableCounts(t.handle, TABLES), beforeCounts, 'nothing was written');
    return body;
  }

  it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
    await refused(
      { method: 'POST', url: '/api/v1/teams', payload: '{"name": "Bakery",', headers: { 'content-type': 'application/json' } },
      400,
      'MALFORMED_JSON',
    );
  });

  it('refuses wrong types with the field path', async () => {
    await refused({ method: 'POST', url: '/api/v1/teams', payload: { name: 42, description: ['x'] } }, 400, 'VALIDATION_FAILED', [
      'name',
      'description',
    ]);
    await refused(
      { method: 'POST', url: '/api/v1/users', payload: { email: 'not-an-email', name: 'X', teamIds: 'abc' } },
      400,
      'VALIDATION_FAILED',
      ['email', 'teamIds'],
    );
  });

  it('refuses missing fields with the field path', async () => {
    await refused({ method: 'POST', url: '/api/v1/users', payload: { name: 'No Email' } }, 400, 'VALIDATION_FAILED', ['email']);
    await refused({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'x' } }, 400, 'VALIDATION_FAILED', ['scopes']);
  });

  it('refuses nested bad values with their full path', async () => {
    await refused(
      {
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'ok@x.test', name: 'Ok', roles: [{ role: 'builder' }, { role: 'emperor' }] },
      },
      400,
      'VALIDATION_FAILED',
      ['roles.1.role'],
    );
  });

  it('refuses an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    await refused(
      { method: 'POST', url: '/api/v1/teams', payload: { name: 'Big', description: 'x'.repeat(70 * 1024) } },
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('refuses a body that is not JSON with 415', async () => {
    await refused(
      { method: 'POST', url: '/api/v1/teams', payload: 'name=Bakery', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('refuses bad query parameters with their path', async () => {
    await refused({ url: '/api/v1/users?limit=0' }, 400, 'VALIDATION_FAILED', ['limit']);
    await refused({ url: '/api/v1/audit-events?from=yesterday' }, 400, 'VALIDATION_FAILED', ['from']);
    await refused({ url: '/api/v1/users?cursor=garbage' }, 400, 'VALIDATION_FAILED', ['cursor']);
  });

  it('rolls back a user whose team does not exist (no half-created user)', async () => {
    await refused(
      {
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'half@x.test', name: 'Half', teamIds: ['01a205ef-0000-7000-8000-00000000dead'] },
      },
      400,
      'VALIDATION_FAILED',
      ['teamIds.0'],
    );
  });

  it('refuses duplicates with 409 and a stable code', async () => {
    await admin.request({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Shop' } });
    await refused({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Shop' } }, 409, 'TEAM_NAME_TAKEN', ['name']);
    await refused({ method: 'POST', url: '/api/v1/users', payload: { email: 'ADMIN@x.test', name: 'Dup' } }, 409, 'EMAIL_TAKEN', ['email']);
  });

  it('answers unknown API routes with 404 ROUTE_NOT_FOUND in the error shape', async () => {
    const res = await admin.request({ url: '/api/v1/nothing-here' });
    assert.equal(res.statusCode, 404);
    assert.equal((res.json() as ErrorResponse).error.code, 'ROUTE_NOT_FOUND');
  });

  it('keeps a safe client request id and replaces an unsafe one', async () => {
    const kept = await admin.request({ url: '/api/v1/teams', headers: { 'x-request-id': 'trace-123' } });
    assert.equal(kept.headers['x-request-id'], 'trace-123');
    const replaced = await admin.request({ url: '/api/v1/teams', headers: { 'x-request-id': 'bad id <script>' } });
    assert.match(String(replaced.headers['x-request-id']), /^req-/);
  });

  it('sends security headers', async () => {
    const res = await admin.request({ url: '/api/v1/teams' });
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  });
});
