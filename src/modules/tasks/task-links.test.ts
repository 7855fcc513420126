import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { closeSmtpPools } from '../../connectors/email/smtp-pool.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { type CapturedMail, linkIn, startMailCapture, tokenOf } from './testing/mail-capture.ts';
import { createPeople, outputOf, type People, parkedTask, publish, runEnded, start, taskState } from './testing/tasks-fixture.ts';

const BASE = 'https://symbiont.bakery.example';

for (const { dialect, skip } of testDialects()) {
  describe(`one-click e-mail links [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let capture: Awaited<ReturnType<typeof startMailCapture>>;
    let workflowId = '';
    let ip = 0;

    before(async () => {
      capture = await startMailCapture();
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle, '2026-11-24T08:00:00.000Z', { publicUrl: BASE });
      const credential = await p.app.services.credentials.create(cliActor('test'), {
        name: 'Bakery mail',
        type: 'smtp',
        fields: { host: '127.0.0.1', port: capture.port, secure: false, from: 'Symbiont <symbiont@bakery.example>' },
      });
      workflowId = await publish(
        p,
        'Invoice approval',
        [
          {
            id: 'approve',
            type: 'human.approval',
            name: 'Approve invoice',
            config: {
              title: 'Pay invoice {{ number }}?',
              assignees: [{ team: 'Finance' }],
              show: { number: '{{ number }}', amount: '{{ amount }}' },
              sla: '8h',
              credentialId: credential.id,
            },
          },
          { id: 'book', type: 'logic.transform', name: 'Book', config: { expression: '{ "approved": approved, "by": deciders[0].name }' } },
        ],
        [
          { from: 'start', to: 'approve' },
          { from: 'approve', to: 'book' },
        ],
      );
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
      closeSmtpPools();
      await capture?.close();
    });

    // Each request from its own address unless told: the per-address limit is tested on its own.
    const link = (method: 'GET' | 'POST', token: string, payload?: object, remoteAddress?: string) => {
      ip += 1;
      return p.app.server.inject({
        method,
        url: `/api/v1/task-links/${token}`,
        remoteAddress: remoteAddress ?? `10.9.0.${ip % 250}`,
        ...(payload ? { payload } : {}),
      });
    };

    /** Starts a run, waits for its task and sends the queued mails; returns the task and the mails by recipient. */
    async function openApproval(number: string) {
      const runId = await start(p, workflowId, { number, amount: 420 });
      const taskId = await parkedTask(p, runId);
      const sent = capture.mails.length;
      await p.app.services.taskScheduler.tick();
      const mails = new Map<string, CapturedMail>();
      for (const mail of capture.mails.slice(sent)) for (const to of mail.to) mails.set(to, mail);
      return { runId, taskId, mails };
    }
    const mailTo = (mails: Map<string, CapturedMail>, who: string) => {
      const mail = mails.get(`${who}@bakery.example`);
      assert.ok(mail, `a mail to ${who}`);
      return mail;
    };

    it('mails the approvers links; a GET only shows the task; the confirming POST decides as the recipient and the run goes on', async () => {
      const { runId, taskId, mails } = await openApproval('INV-1');
      assert.deepEqual(
        [...mails.keys()].sort(),
        ['alice', 'carol', 'dave', 'erin'].map((n) => `${n}@bakery.example`),
      );
      const mail = mailTo(mails, 'alice');
      assert.ok(mail.text.includes('Subject: New task: Pay invoice INV-1?'));
      assert.ok(mail.text.includes('number: INV-1'));
      assert.ok(mail.text.includes('Due: 2026-11-24 16:00 UTC'));
      assert.ok(mail.text.includes('<table>'), 'an HTML part');
      const approve = linkIn(mail, 'Approve');
      assert.ok(approve.startsWith(`${BASE}/act/`), approve);

      const before = await taskState(p);
      const preview = await link('GET', tokenOf(approve));
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().action, 'approve');
      assert.equal(preview.json().recipient.name, 'alice');
      assert.deepEqual(preview.json().task.shown, { number: 'INV-1', amount: 420 });
      assert.deepEqual(await taskState(p), before, 'a GET (a mail scanner) decides nothing');
      const stored = await handle.db.selectFrom('task_links').selectAll().where('task_id', '=', taskId).execute();
      assert.ok(
        stored.every((l) => l.used_at === null && !approve.includes(l.token_hash)),
        'only hashes are stored, none used',
      );

      const confirmed = await link('POST', tokenOf(approve), { comment: 'Matches the delivery note', taskId, action: 'approve' });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.equal(confirmed.json().task.outcome, 'approved');
      assert.equal((await runEnded(p, runId)).status, 'succeeded');
      assert.deepEqual(await outputOf(p, runId, 'book'), { approved: true, by: 'alice' });

      const audit = await handle.db.selectFrom('audit_events').selectAll().where('object_id', '=', taskId).orderBy('id').execute();
      const decision = audit.find((e) => e.action === 'task.approve');
      assert.equal(decision?.actor_id, p.ids.alice);
      assert.equal(JSON.parse(decision?.after_json ?? '{}').via, 'email-link');
      assert.ok(audit.some((e) => e.action === 'task_link.use' && e.actor_id === p.ids.alice));
      const inbox = await p.as.alice.request({ method: 'GET', url: '/api/v1/tasks?view=inbox' });
      assert.ok(!inbox.json().items.some((t: { id: string }) => t.id === taskId), 'the task left the inbox');

      // The same link again, Alice's other link, and another approver's link after the task closed.
      const after = await taskState(p);
      const again = await link('POST', tokenOf(approve), {});
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'TASK_LINK_USED');
      assert.equal((await link('POST', tokenOf(linkIn(mail, 'Reject')))).json().error.code, 'TASK_LINK_USED');
      const late = await link('POST', tokenOf(linkIn(mailTo(mails, 'carol'), 'Approve')), {});
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'TASK_CLOSED');
      assert.equal((await link('GET', tokenOf(linkIn(mailTo(mails, 'carol'), 'Approve')))).json().error.code, 'TASK_CLOSED');
      assert.deepEqual(await taskState(p), after, 'refused links change nothing');
    });

    it('rejects through a reject link, and the run takes the rejection', async () => {
      const { runId, mails } = await openApproval('INV-2');
      const res = await link('POST', tokenOf(linkIn(mailTo(mails, 'carol'), 'Reject')), { comment: 'Wrong supplier' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().task.outcome, 'rejected');
      await runEnded(p, runId);
      assert.deepEqual(await outputOf(p, runId, 'book'), { approved: false, by: 'carol' });
    });

    it('refuses forged, malformed and wrong-task tokens, and an "open" link cannot decide', async () => {
      const a = await openApproval('INV-3');
      const b = await openApproval('INV-4');
      const before = await taskState(p);
      for (const token of [randomBytes(32).toString('base64url'), 'short', `${'A'.repeat(42)}%2F`]) {
        for (const method of ['GET', 'POST'] as const) {
          const res = await link(method, token, method === 'POST' ? {} : undefined);
          assert.equal(res.statusCode, 404, `${method} ${token}`);
          assert.equal(res.json().error.code, 'TASK_LINK_INVALID');
        }
      }
      const aliceA = tokenOf(linkIn(mailTo(a.mails, 'alice'), 'Approve'));
      const wrongTask = await link('POST', aliceA, { taskId: b.taskId, action: 'approve' });
      assert.equal(wrongTask.json().error.code, 'TASK_LINK_INVALID');
      const wrongAction = await link('POST', aliceA, { taskId: a.taskId, action: 'reject' });
      assert.equal(wrongAction.json().error.code, 'TASK_LINK_INVALID');
      const open = tokenOf(linkIn(mailTo(a.mails, 'alice'), 'Open task'));
      assert.equal((await link('GET', open)).json().action, 'open');
      const decideByOpen = await link('POST', open, {});
      assert.equal(decideByOpen.statusCode, 400);
      assert.equal(decideByOpen.json().error.code, 'TASK_ACTION_INVALID');
      assert.deepEqual(await taskState(p), before, 'nothing changed');
    });

    it('refuses the link of someone the task was taken from (not an assignee any more), through the normal checks', async () => {
      const { taskId, mails } = await openApproval('INV-5');
      const reassigned = await p.as.erin.request({
        method: 'POST',
        url: `/api/v1/tasks/${taskId}/reassign`,
        payload: { to: [{ user: 'carol@bakery.example' }] },
      });
      assert.equal(reassigned.statusCode, 200, reassigned.body);
      const before = await taskState(p);
      const res = await link('POST', tokenOf(linkIn(mailTo(mails, 'dave'), 'Approve')), {});
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'TASK_NOT_ASSIGNEE');
      assert.deepEqual(await taskState(p), before);
      const row = await handle.db
        .selectFrom('task_links')
        .select('used_at')
        .where('task_id', '=', taskId)
        .where('user_id', '=', p.ids.dave)
        .execute();
      assert.ok(
        row.every((l) => l.used_at === null),
        'a refused decision does not use the link',
      );
    });

    it('refuses a link after it expired (seven days by default), and changes nothing', async () => {
      const { taskId, mails } = await openApproval('INV-6');
      const links = await handle.db.selectFrom('task_links').select('expires_at').where('task_id', '=', taskId).execute();
      assert.ok(links.every((l) => l.expires_at === new Date(p.app.clock.now().getTime() + 7 * 86_400_000).toISOString()));
      p.app.clock.advance(7 * 86_400_000);
      const before = await taskState(p);
      for (const method of ['GET', 'POST'] as const) {
        const res = await link(method, tokenOf(linkIn(mailTo(mails, 'alice'), 'Approve')), method === 'POST' ? {} : undefined);
        assert.equal(res.statusCode, 410);
        assert.equal(res.json().error.code, 'TASK_LINK_EXPIRED');
      }
      assert.deepEqual(await taskState(p), before);
    });

    it('documents both routes as public in the OpenAPI document', async () => {
      const doc = (await p.app.server.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      const route = doc.paths['/api/v1/task-links/{token}'];
      assert.deepEqual(route.get.security, []);
      assert.deepEqual(route.post.security, []);
      assert.deepEqual(doc.paths['/api/v1/tasks'].get.security, undefined, 'other routes keep the global session/token requirement');
    });

    it('limits link requests per address (429 RATE_LIMITED with Retry-After)', async () => {
      const token = randomBytes(32).toString('base64url');
      const codes: number[] = [];
      for (let i = 0; i < 31; i++) codes.push((await link('GET', token, undefined, '10.77.0.1')).statusCode);
      assert.deepEqual(codes.slice(0, 30), new Array(30).fill(404));
      const limited = await link('GET', token, undefined, '10.77.0.1');
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().error.code, 'RATE_LIMITED');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal((await link('GET', token, undefined, '10.77.0.2')).statusCode, 404, 'other addresses are not limited');
    });
  });
}
