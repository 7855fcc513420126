import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createServices } from '../../app.ts';
import { closeConnectorResources } from '../../connectors/shutdown.ts';
import { createSecretBox } from '../../platform/auth/secret-box.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { buildHttpServer } from '../../platform/http/server.ts';
import { createGuardedHttpClient } from '../../platform/http-client/guarded-client.ts';
import { createLogger } from '../../platform/logger.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import type { RoleKey } from '../../platform/permissions/catalog.ts';
import { sessionRoutes } from '../auth/session.routes.ts';
import { credentialsRoutes } from './credentials.routes.ts';
import { createCredentialsService } from './credentials.service.ts';

const PASSWORD = 'correct-horse-battery';
const SMTP_SECRET = 'smtp-pa55word-never-shown';

interface Browser {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

for (const { dialect, skip } of testDialects()) {
  describe(`credentials [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let server: FastifyInstance;
    let service: ReturnType<typeof createCredentialsService>;
    let http: ReturnType<typeof createGuardedHttpClient>;
    let filesRoot: string;
    let builder: Browser;
    let member: Browser;
    let ip = 0;

    async function signIn(email: string, roles: RoleKey[], services: ReturnType<typeof createServices>): Promise<Browser> {
      await services.users.create(cliActor('test'), {
        email,
        name: email.split('@')[0] ?? email,
        password: PASSWORD,
        teamIds: [],
        roles: roles.map((role) => ({ role, scopeType: 'global' as const })),
      });
      ip += 1;
      const res = await server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: PASSWORD },
        remoteAddress: `10.9.0.${ip}`,
      });
      assert.equal(res.statusCode, 200, res.body);
      const cookie = res.cookies.find((c) => c.name === 'symbiont_session')?.value ?? '';
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      return {
        request: (opts) =>
          server.inject({ ...opts, headers: { ...(opts.headers as object), 'x-csrf-token': csrf }, cookies: { symbiont_session: cookie } }),
      };
    }

    before(async () => {
      handle = await createTestDatabase(dialect);
      const clock = fixedClock('2026-11-23T10:00:00.000Z');
      const services = createServices(handle, clock);
      http = createGuardedHttpClient({ allow: ['127.0.0.0/8'], maxRetries: 0 });
      filesRoot = mkdtempSync(path.join(tmpdir(), 'symbiont-cred-'));
      service = createCredentialsService({
        db: handle.db,
        clock,
        audit: services.audit,
        secretBox: createSecretBox(randomBytes(32)),
        http,
        filesRoot,
        testTimeoutMs: 5000,
      });
      server = await buildHttpServer({
        logger: createLogger('silent'),
        bodyLimit: 64 * 1024,
        trustProxy: false,
        authenticate: (request) => services.sessions.authenticate(request),
        webDir: null,
        version: 'test',
        routes: async (api) => {
          await sessionRoutes(api, { sessions: services.sessions, users: services.users, modules: [], isSecure: () => false });
          await credentialsRoutes(api, { credentials: service });
        },
      });
      await server.ready();
      builder = await signIn('builder@example.com', ['builder'], services);
      member = await signIn('member@example.com', [], services);
    });

    after(async () => {
      await server?.close();
      await http?.close();
      await handle?.close();
      await closeConnectorResources();
      rmSync(filesRoot, { recursive: true, force: true });
    });

    const smtpFields = { host: 'mail.example.com', port: 587, user: 'orders', password: SMTP_SECRET };
    let smtpId = '';

    it('stores a credential and never returns its secret fields', async () => {
      const res = await builder.request({
        method: 'POST',
        url: '/api/v1/credentials',
        payload: { name: 'Shop mail', type: 'smtp', fields: smtpFields },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.ok(!res.body.includes(SMTP_SECRET));
      const view = res.json();
      smtpId = view.id;
      assert.deepEqual(view.fields.password, { set: true });
      assert.equal(view.fields.host, 'mail.example.com');
      assert.equal(view.fields.secure, false, 'defaults are filled in');
      const row = await handle.db.selectFrom('credentials').selectAll().where('id', '=', smtpId).executeTakeFirstOrThrow();
      assert.ok(!row.data_sealed.includes(SMTP_SECRET) && !row.data_sealed.includes('mail.example.com'), 'sealed at rest');
    });

    it('lists credentials without secrets', async () => {
      const res = await builder.request({ method: 'GET', url: '/api/v1/credentials' });
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes(SMTP_SECRET));
      const page = res.json();
      assert.deepEqual(
        page.items.map((c: { name: string }) => c.name),
        ['Shop mail'],
      );
      assert.deepEqual(page.items[0].fields.password, { set: true });
    });

    it('decrypts the values for a run', async () => {
      const resolved = await service.resolveForRun(smtpId, 'smtp');
      assert.equal(resolved.values.password, SMTP_SECRET);
      assert.equal(resolved.type, 'smtp');
      await assert.rejects(service.resolveForRun(smtpId, 'imap'), { code: 'CREDENTIAL_TYPE_MISMATCH' });
      await assert.rejects(service.resolveForRun('0190aaaa-0000-7000-8000-000000000000'), { code: 'NOT_FOUND' });
    });

    it('refuses to open a sealed value moved to another row', async () => {
      const other = await service.create(cliActor('test'), { name: 'Other', type: 'sqlite', fields: { path: 'x.db' } });
      const source = await handle.db.selectFrom('credentials').select('data_sealed').where('id', '=', smtpId).executeTakeFirstOrThrow();
      await handle.db.updateTable('credentials').set({ data_sealed: source.data_sealed }).where('id', '=', other.id).execute();
      await assert.rejects(service.resolveForRun(other.id), { code: 'CREDENTIAL_UNREADABLE' });
      await service.remove(cliActor('test'), other.id);
    });

    it('keeps secrets out of the audit log, naming only the fields that are set', async () => {
      const rows = await handle.db.selectFrom('audit_events').selectAll().where('object_id', '=', smtpId).execute();
      assert.equal(rows.length, 1);
      const entry = rows[0];
      assert.equal(entry?.action, 'credential.create');
      assert.ok(!JSON.stringify(entry).includes(SMTP_SECRET));
      assert.ok(!JSON.stringify(entry).includes('mail.example.com'));
      assert.deepEqual(JSON.parse(entry?.after_json ?? '{}'), {
        name: 'Shop mail',
        type: 'smtp',
        fieldsSet: ['allowSelfSigned', 'host', 'password', 'port', 'secure', 'user'],
      });
    });

    it('keeps a secret the update leaves out, clears one set to null, and audits the changed field names', async () => {
      const res = await builder.request({
        method: 'PATCH',
        url: `/api/v1/credentials/${smtpId}`,
        payload: { fields: { host: 'smtp.example.com' } },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().fields.host, 'smtp.example.com');
      assert.equal((await service.resolveForRun(smtpId)).values.password, SMTP_SECRET);
      const cleared = await builder.request({
        method: 'PATCH',
        url: `/api/v1/credentials/${smtpId}`,
        payload: { fields: { password: null } },
      });
      assert.deepEqual(cleared.json().fields.password, { set: false });
      const audit = await handle.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'credential.update')
        .orderBy('id')
        .execute();
      assert.deepEqual(JSON.parse(audit[0]?.after_json ?? '{}').changedFields, ['host']);
      assert.deepEqual(JSON.parse(audit[1]?.after_json ?? '{}').changedFields, ['password']);
      assert.ok(!JSON.stringify(audit).includes(SMTP_SECRET));
    });

    it('refuses a member with FORBIDDEN and changes nothing', async () => {
      const list = await member.request({ method: 'GET', url: '/api/v1/credentials' });
      assert.equal(list.statusCode, 403);
      assert.equal(list.json().error.code, 'FORBIDDEN');
      const create = await member.request({
        method: 'POST',
        url: '/api/v1/credentials',
        payload: { name: 'Mine', type: 'sqlite', fields: { path: 'a.db' } },
      });
      assert.equal(create.json().error.code, 'FORBIDDEN');
      const resolve = await member.request({ method: 'POST', url: `/api/v1/credentials/${smtpId}/test` });
      assert.equal(resolve.statusCode, 403);
      const count = await handle.db
        .selectFrom('credentials')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });

    it('names the wrong field, the unknown type and the taken name', async () => {
      const bad = await builder.request({
        method: 'POST',
        url: '/api/v1/credentials',
        payload: { name: 'Bad', type: 'smtp', fields: { host: 'h', port: 'x', pasword: 's3cret' } },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
      const paths = bad
        .json()
        .error.details.issues.map((i: { path: string }) => i.path)
        .sort();
      assert.deepEqual(paths, ['fields.pasword', 'fields.port']);
      assert.ok(!bad.body.includes('s3cret'));
      const unknown = await builder.request({
        method: 'POST',
        url: '/api/v1/credentials',
        payload: { name: 'Bad', type: 'fax', fields: {} },
      });
      assert.equal(unknown.json().error.code, 'CREDENTIAL_TYPE_UNKNOWN');
      const taken = await builder.request({
        method: 'POST',
        url: '/api/v1/credentials',
        payload: { name: 'Shop mail', type: 'sqlite', fields: { path: 'a.db' } },
      });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().error.code, 'CREDENTIAL_NAME_TAKEN');
    });

    it('tests credentials: a working SQLite file, an SMTP server that is not there', async () => {
      const created = await builder.request({
        method: 'POST',
        url: '/api/v1/credentials',
        payload: { name: 'Stock db', type: 'sqlite', fields: { path: 'stock.db' } },
      });
      const missing = await builder.request({ method: 'POST', url: `/api/v1/credentials/${created.json().id}/test` });
      assert.equal(missing.json().ok, false, 'the file does not exist yet');
      const { default: SQLite } = await import('better-sqlite3');
      new SQLite(path.join(filesRoot, 'stock.db')).close();
      const works = await builder.request({ method: 'POST', url: `/api/v1/credentials/${created.json().id}/test` });
      assert.equal(works.json().ok, true, works.body);
      const smtp = await builder.request({
        method: 'POST',
        url: '/api/v1/credentials/test',
        payload: { type: 'smtp', fields: { host: '127.0.0.1', port: 1, user: 'u', password: 'p' } },
      });
      assert.equal(smtp.statusCode, 200);
      assert.equal(smtp.json().ok, false);
      assert.equal(smtp.json().code, 'CONNECTOR_UNREACHABLE');
    });

    it('deletes a credential with an audit entry', async () => {
      const res = await builder.request({ method: 'DELETE', url: `/api/v1/credentials/${smtpId}` });
      assert.equal(res.statusCode, 204);
      assert.equal((await builder.request({ method: 'GET', url: `/api/v1/credentials/${smtpId}` })).statusCode, 404);
      const entry = await handle.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'credential.delete')
        .where('object_id', '=', smtpId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(entry.before_json ?? '{}'), {
        name: 'Shop mail',
        type: 'smtp',
        fieldsSet: ['allowSelfSigned', 'host', 'port', 'secure', 'user'],
      });
    });

    it('serves the connector catalogue to every signed-in user, and documents the routes in OpenAPI', async () => {
      const res = await member.request({ method: 'GET', url: '/api/v1/connectors' });
      assert.equal(res.statusCode, 200);
      const keys = res.json().map((c: { key: string }) => c.key);
      assert.ok(keys.includes('http') && keys.includes('sql'));
      const smtp = res.json().find((c: { key: string }) => c.key === 'email').credentialTypes[0];
      assert.equal(smtp.schema.properties.password.writeOnly, true);
      const doc = (await member.request({ method: 'GET', url: '/api/openapi.json' })).json();
      assert.ok(doc.paths['/api/v1/credentials']?.post);
      assert.ok(doc.paths['/api/v1/credentials/{id}/test']?.post);
      assert.ok(doc.paths['/api/v1/connectors']?.get);
    });
  });
}
