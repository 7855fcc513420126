import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createSecretBox } from '../../platform/auth/secret-box.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { createPeople, outputOf, type People, runEnded } from '../tasks/testing/tasks-fixture.ts';
import { createFormsService } from './forms.service.ts';
import { formTriggerNode, publicPost, publishForm, runsOf } from './testing/forms-fixture.ts';

const fields = [
  { key: 'name', label: 'Your name', type: 'text', required: true, maxLength: 80 },
  { key: 'email', label: 'E-mail', type: 'email', required: true },
  { key: 'loaves', label: 'Loaves', type: 'integer', required: true, min: 1, max: 50 },
  { key: 'bread', label: 'Bread', type: 'select', options: ['rye', 'spelt'], required: true },
];
const valid = { name: 'Anna Schmidt', email: 'anna@example.org', loaves: 3, bread: 'rye' };
const thank = { id: 'thank', type: 'logic.transform', name: 'Order', config: { expression: '{ "who": data.name, "n": data.loaves }' } };

for (const { dialect, skip } of testDialects()) {
  describe(`public form links [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let form: Awaited<ReturnType<typeof publishForm>>;

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
      form = await publishForm(p, 'Bread orders', [formTriggerNode(fields), thank], [{ from: 'form', to: 'thank' }]);
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    const submit = (payload: unknown, ip?: string, token = form.token) => publicPost(p, `/api/v1/forms/public/${token}`, payload, ip);

    it('gives a published form workflow a link with an unguessable token that builders see and members do not', async () => {
      assert.match(form.token, /^[A-Za-z0-9_-]{43}$/, '256 random bits, base64url');
      assert.equal(form.url, `/f/${form.token}`);
      const row = await handle.db.selectFrom('form_links').selectAll().where('id', '=', form.linkId).executeTakeFirstOrThrow();
      assert.notEqual(row.token_hash, form.token, 'stored hashed');
      assert.ok(!row.token_sealed.includes(form.token), 'and sealed, never in clear');
      const other = await publishForm(p, 'Cake orders', [formTriggerNode(fields)], []);
      const one = await p.as.bob.request({ method: 'GET', url: `/api/v1/forms?workflowId=${form.workflowId}` });
      assert.deepEqual(
        one.json().items.map((l: { id: string }) => l.id),
        [form.linkId],
      );
      assert.notEqual(other.token, form.token);
      const member = await p.as.alice.request({ method: 'GET', url: '/api/v1/forms' });
      assert.equal(member.statusCode, 403, member.body);
      const audit = await handle.db.selectFrom('audit_events').select('action').where('object_id', '=', form.linkId).execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['form_link.create'],
      );
    });

    it('serves the form to render without signing in', async () => {
      const res = await p.app.server.inject({ method: 'GET', url: `/api/v1/forms/public/${form.token}` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.title, 'Order bread');
      assert.deepEqual(
        body.fields.map((f: { key: string }) => f.key),
        ['name', 'email', 'loaves', 'bread'],
      );
      assert.equal(body.honeypotField, 'website');
    });

    it('answers an invalid submission with every field problem and starts nothing', async () => {
      const res = await submit({ data: { name: '', email: 'not-mail', loaves: 0, bread: 'white', extra: 1 } }, '192.0.2.1');
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'FORM_INVALID');
      assert.deepEqual(
        res
          .json()
          .error.details.issues.map((i: { path: string; message: string }) => `${i.path}: ${i.message}`)
          .sort(),
        [
          'data.bread: Not one of the choices',
          'data.email: Not an e-mail address',
          'data.extra: Not a field of this form',
          'data.loaves: At least 1',
          'data.name: Required',
        ],
      );
      assert.equal((await runsOf(p, form.workflowId)).length, 0);
    });

    it('starts exactly one run of the live version with the submitted data, also when submitted twice with one submission id', async () => {
      const first = await submit({ data: valid, submissionId: 'click-0001' }, '192.0.2.2');
      assert.equal(first.statusCode, 201, first.body);
      assert.deepEqual(first.json(), { accepted: true, message: 'Thanks, we got your order.', redirectUrl: null });
      const again = await submit({ data: valid, submissionId: 'click-0001' }, '192.0.2.2');
      assert.equal(again.statusCode, 201, again.body);
      const runs = await runsOf(p, form.workflowId);
      assert.equal(runs.length, 1);
      assert.equal(runs[0]?.trigger_type, 'form');
      const run = await runEnded(p, runs[0]?.id ?? '');
      assert.equal(run.status, 'succeeded', run.error_json ?? '');
      const trigger = (await outputOf(p, run.id, 'form')) as { data: unknown; submittedAt: string; files: unknown[] };
      assert.deepEqual(trigger.data, valid);
      assert.deepEqual(trigger.files, []);
      assert.equal(trigger.submittedAt, p.app.clock.now().toISOString());
      assert.deepEqual(await outputOf(p, run.id, 'thank'), { who: 'Anna Schmidt', n: 3 });
      const link = await p.as.bob.request({ method: 'GET', url: `/api/v1/forms/${form.linkId}` });
      assert.equal(link.json().submissions, 1);
      assert.equal(link.json().lastSubmissionAt, trigger.submittedAt);
    });

    it('answers a submission with the honeypot filled as accepted, starts nothing and counts it', async () => {
      const before = (await runsOf(p, form.workflowId)).length;
      const res = await submit({ data: valid, website: 'http://cheap-pills.example' }, '192.0.2.3');
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().message, 'Thanks, we got your order.');
      assert.equal((await runsOf(p, form.workflowId)).length, before);
      const link = await p.as.bob.request({ method: 'GET', url: `/api/v1/forms/${form.linkId}` });
      assert.equal(link.json().spamBlocked, 1);
    });

    it('answers disabled, rotated and forged tokens with the same 404, and an enabled or new token works', async () => {
      const notFound = async (token: string) => {
        const res = await submit({ data: valid }, '192.0.2.4', token);
        assert.equal(res.statusCode, 404, res.body);
        assert.equal(res.json().error.code, 'FORM_NOT_FOUND');
        const page = await p.app.server.inject({ method: 'GET', url: `/api/v1/forms/public/${token}`, remoteAddress: '192.0.2.4' });
        assert.equal(page.statusCode, 404);
        return `${res.json().error.message}|${page.json().error.message}`;
      };
      const runsBefore = (await runsOf(p, form.workflowId)).length;
      const forged = await notFound(`${form.token.slice(0, 42)}${form.token.endsWith('A') ? 'B' : 'A'}`);
      assert.equal(await notFound('short'), forged);

      const disabled = await p.as.bob.request({ method: 'POST', url: `/api/v1/forms/${form.linkId}/disable` });
      assert.equal(disabled.statusCode, 200, disabled.body);
      assert.equal(disabled.json().enabled, false);
      assert.equal(await notFound(form.token), forged, 'a disabled link is indistinguishable from a forged one');
      assert.equal((await p.as.bob.request({ method: 'POST', url: `/api/v1/forms/${form.linkId}/enable` })).json().enabled, true);
      assert.equal((await submit({ data: valid }, '192.0.2.4')).statusCode, 201);

      const rotated = await p.as.bob.request({ method: 'POST', url: `/api/v1/forms/${form.linkId}/rotate` });
      assert.equal(rotated.statusCode, 200, rotated.body);
      const fresh = rotated.json().token as string;
      assert.notEqual(fresh, form.token);
      assert.equal(await notFound(form.token), forged, 'the old link is dead');
      assert.equal((await submit({ data: valid }, '192.0.2.4', fresh)).statusCode, 201);
      form.token = fresh;
      assert.equal((await runsOf(p, form.workflowId)).length, runsBefore + 2);

      const memberRotate = await p.as.alice.request({ method: 'POST', url: `/api/v1/forms/${form.linkId}/rotate` });
      assert.equal(memberRotate.statusCode, 403);
      const audit = await handle.db
        .selectFrom('audit_events')
        .select('action')
        .where('object_id', '=', form.linkId)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['form_link.create', 'form_link.disable', 'form_link.enable', 'form_link.rotate'],
      );
    });

    it('limits submissions per client address: 429 with Retry-After, nothing started', async () => {
      const before = (await runsOf(p, form.workflowId)).length;
      let last = await submit({ data: {} }, '198.51.100.7');
      for (let i = 1; i < 40 && last.statusCode !== 429; i++) last = await submit({ data: {} }, '198.51.100.7');
      assert.equal(last.statusCode, 429, last.body);
      assert.equal(last.json().error.code, 'RATE_LIMITED');
      assert.ok(Number(last.headers['retry-after']) > 0);
      const valid429 = await submit({ data: valid }, '198.51.100.7');
      assert.equal(valid429.statusCode, 429, 'a valid one from the same address waits too');
      assert.equal((await runsOf(p, form.workflowId)).length, before);
      assert.equal((await submit({ data: valid }, '198.51.100.8')).statusCode, 201, 'another address is not held back');
    });

    it('refuses a submission body over 256 KiB with 413 and starts nothing', async () => {
      const before = (await runsOf(p, form.workflowId)).length;
      const res = await submit({ data: { ...valid, name: 'x'.repeat(300 * 1024) } }, '192.0.2.20');
      assert.equal(res.statusCode, 413, res.body);
      assert.equal(res.json().error.code, 'PAYLOAD_TOO_LARGE');
      assert.equal((await runsOf(p, form.workflowId)).length, before);
    });

    it('limits submissions per form, whatever the client address', async () => {
      const forms = createFormsService({
        db: handle.db,
        clock: p.app.clock,
        audit: p.app.services.audit,
        secretBox: createSecretBox(randomBytes(32)),
        engine: () => p.app.services.engine,
        files: p.app.services.files,
        limits: { writesPerIp: 100, readsPerIp: 100, writesPerForm: 2 },
      });
      const before = (await runsOf(p, form.workflowId)).length;
      await forms.submit(form.token, { data: valid }, '203.0.113.1');
      await forms.submit(form.token, { data: valid }, '203.0.113.2');
      await assert.rejects(forms.submit(form.token, { data: valid }, '203.0.113.3'), (e: { code?: string; status?: number }) => {
        assert.equal(e.code, 'RATE_LIMITED');
        assert.equal(e.status, 429);
        return true;
      });
      assert.equal((await runsOf(p, form.workflowId)).length, before + 2);

      // This service has another secret key: it cannot unseal the token, and says so instead of failing.
      const seen = await forms.get(cliActor('test'), form.linkId);
      assert.equal(seen.token, null);
      assert.equal(seen.url, null);
    });

    it('stops answering when the workflow is archived', async () => {
      const archived = await p.as.bob.request({ method: 'DELETE', url: `/api/v1/workflows/${form.workflowId}` });
      assert.ok([200, 204].includes(archived.statusCode), archived.body);
      const res = await submit({ data: valid }, '192.0.2.9');
      assert.equal(res.statusCode, 404);
    });
  });
}
