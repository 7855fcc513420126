import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { closeSmtpPools } from '../../connectors/email/smtp-pool.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { linkIn, startMailCapture, tokenOf } from './testing/mail-capture.ts';
import { createPeople, type People, parkedTask, publish, runEnded, start, trigger } from './testing/tasks-fixture.ts';

const BASE = 'https://symbiont.bakery.example';
const HOUR = 3_600_000;

for (const { dialect, skip } of testDialects()) {
  describe(`reminders and chat messages [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let capture: Awaited<ReturnType<typeof startMailCapture>>;
    let chat: Server;
    const posted: string[] = [];
    let failNext = 0;
    let smtpId = '';
    let chatId = '';

    before(async () => {
      capture = await startMailCapture();
      chat = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => {
          body += c;
        });
        req.on('end', () => {
          if (failNext > 0) {
            failNext -= 1;
            res.writeHead(500).end('try later');
            return;
          }
          posted.push(body);
          res.writeHead(200).end('ok');
        });
      });
      await new Promise<void>((resolve) => chat.listen(0, '127.0.0.1', resolve));
      handle = await createTestDatabase(dialect);
      // The guarded client refuses loopback unless allowed, as for any private address.
      p = await createPeople(handle, '2026-11-24T08:00:00.000Z', { publicUrl: BASE, httpAllow: ['127.0.0.0/8'] });
      smtpId = (
        await p.app.services.credentials.create(cliActor('test'), {
          name: 'Bakery mail',
          type: 'smtp',
          fields: { host: '127.0.0.1', port: capture.port, secure: false, from: 'Symbiont <symbiont@bakery.example>' },
        })
      ).id;
      chatId = (
        await p.app.services.credentials.create(cliActor('test'), {
          name: 'Finance channel',
          type: 'chat_webhook',
          fields: { url: `http://127.0.0.1:${(chat.address() as AddressInfo).port}/hook`, flavour: 'slack' },
        })
      ).id;
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
      closeSmtpPools();
      await capture?.close();
      await new Promise<void>((resolve) => chat?.close(() => resolve()));
    });

    const tick = () => p.app.services.taskScheduler.tick();
    const mailsSince = (n: number) => capture.mails.slice(n);

    it('reminds only those who have not decided, every interval, and stops once the task is decided', async () => {
      const wf = await publish(
        p,
        'Two signatures',
        [
          {
            id: 'approve',
            type: 'human.approval',
            name: 'Both approve',
            config: {
              title: 'Sign contract {{ ref }}',
              assignees: [{ user: 'alice@bakery.example' }, { user: 'carol@bakery.example' }],
              policy: 'all',
              remind: '4h',
              remindMax: 3,
              credentialId: smtpId,
            },
          },
        ],
        [{ from: 'start', to: 'approve' }],
      );
      const runId = await start(p, wf, { ref: 'C-7' });
      const taskId = await parkedTask(p, runId);
      let seen = capture.mails.length;
      await tick();
      assert.deepEqual(
        mailsSince(seen)
          .flatMap((m) => m.to)
          .sort(),
        ['alice@bakery.example', 'carol@bakery.example'],
      );
      seen = capture.mails.length;
      const approved = await p.as.alice.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/approve`, payload: {} });
      assert.equal(approved.statusCode, 200, approved.body);

      p.app.clock.advance(4 * HOUR - 1);
      await tick();
      assert.equal(capture.mails.length, seen, 'no reminder before the interval passed');
      p.app.clock.advance(1);
      await tick();
      const first = mailsSince(seen);
      assert.deepEqual(
        first.flatMap((m) => m.to),
        ['carol@bakery.example'],
        'Alice decided already: only Carol is reminded',
      );
      assert.ok(first[0]?.text.includes('Subject: Reminder: Sign contract C-7'));
      assert.ok(first[0]?.text.includes('(reminder 1 of 3)'));
      seen = capture.mails.length;

      p.app.clock.advance(4 * HOUR);
      await tick();
      const second = mailsSince(seen);
      assert.equal(second.length, 1);
      assert.ok(second[0]?.text.includes('(reminder 2 of 3)'));
      seen = capture.mails.length;

      // Carol approves from the reminder; no reminder follows.
      const res = await p.app.server.inject({
        method: 'POST',
        url: `/api/v1/task-links/${tokenOf(linkIn(second[0] as (typeof second)[number], 'Approve'))}`,
        payload: {},
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await runEnded(p, runId)).status, 'succeeded');
      p.app.clock.advance(8 * HOUR);
      await tick();
      assert.equal(capture.mails.length, seen, 'no reminder after the decision');
      const task = await handle.db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
      assert.equal(task.reminders_sent, 2);
      assert.equal(task.next_check_at, null);
      const audited = await handle.db
        .selectFrom('audit_events')
        .select('id')
        .where('object_id', '=', taskId)
        .where('action', '=', 'task.remind')
        .execute();
      assert.equal(audited.length, 2);
    });

    it('posts a task to a chat channel with the inbox link (retried after a failure), and a notify step posts its message', async () => {
      const wf = await publish(
        p,
        'Chat approval',
        [
          {
            id: 'approve',
            type: 'human.approval',
            name: 'Approve',
            config: { title: 'Order {{ id }} over budget', assignees: [{ team: 'Finance' }], chatCredentialId: chatId },
          },
          {
            id: 'tell',
            type: 'human.notify',
            name: 'Tell the channel',
            config: { subject: 'Order {{ taskId }} decided', body: 'Decision: {{ decision }}', chatCredentialId: chatId },
          },
        ],
        [
          { from: 'start', to: 'approve' },
          { from: 'approve', to: 'tell' },
        ],
      );
      const runId = await start(p, wf, { id: 'O-9' });
      const taskId = await parkedTask(p, runId);
      failNext = 1;
      await tick();
      const [queued] = await p.app.services.notifications.ofTask(taskId);
      assert.equal(queued?.channel, 'chat');
      assert.equal(queued?.status, 'pending');
      assert.equal(queued?.attempts, 1);
      assert.match(queued?.last_error ?? '', /500/);
      assert.equal(posted.length, 0);

      p.app.clock.advance(30_000);
      await tick();
      assert.equal(posted.length, 1, 'delivered on the retry');
      const message = posted[0] ?? '';
      assert.ok(message.includes('Order O-9 over budget'));
      assert.ok(message.includes(`${BASE}/tasks/${taskId}`));
      assert.ok(!message.includes('/act/'), 'a shared channel gets no one-click link');

      const approved = await p.as.alice.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/approve`, payload: {} });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal((await runEnded(p, runId)).status, 'succeeded');
      await tick();
      assert.equal(posted.length, 2);
      assert.ok(posted[1]?.includes(`Order ${taskId} decided`));
      assert.ok(posted[1]?.includes('Decision: approved'));
      const rows = await p.app.services.notifications.ofRun(runId);
      assert.deepEqual(
        rows.map((r) => [r.channel, r.status]),
        [
          ['chat', 'sent'],
          ['chat', 'sent'],
        ],
      );
    });

    it('refuses a notify step with neither an SMTP nor a chat credential when the workflow is saved', async () => {
      const res = await p.as.bob.request({
        method: 'POST',
        url: '/api/v1/workflows',
        payload: {
          name: 'Silent',
          definition: {
            schemaVersion: 1,
            nodes: [trigger, { id: 'tell', type: 'human.notify', name: 'Tell', config: { subject: 'Hi', body: 'there' } }],
            edges: [{ from: 'start', to: 'tell' }],
          },
        },
      });
      const published =
        res.statusCode === 201
          ? await p.as.bob.request({ method: 'POST', url: `/api/v1/workflows/${res.json().id}/publish`, payload: { note: 'x' } })
          : res;
      assert.equal(published.statusCode, 400, published.body);
      assert.match(published.body, /SMTP credential, a chat credential, or both/);
    });
  });
}
