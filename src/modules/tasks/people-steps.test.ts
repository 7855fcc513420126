import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { closeSmtpPools } from '../../connectors/email/smtp-pool.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import {
  createPeople,
  outputOf,
  type People,
  parkedTask,
  publish,
  runEnded,
  signInAgain,
  start,
  taskState,
} from './testing/tasks-fixture.ts';

interface Mail {
  to: string[];
  raw: string;
}

for (const { dialect, skip } of testDialects()) {
  describe(`form, to-do and notify steps [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let smtp: SMTPServer;
    let credentialId = '';
    const mails: Mail[] = [];

    before(async () => {
      smtp = new SMTPServer({
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
      const port = (smtp.server.address() as AddressInfo).port;
      const credential = await p.app.services.credentials.create(cliActor('test'), {
        name: 'Bakery mail',
        type: 'smtp',
        fields: { host: '127.0.0.1', port, secure: false, from: 'Symbiont <symbiont@bakery.example>' },
      });
      credentialId = credential.id;
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
      closeSmtpPools();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    });

    const post = (who: keyof People['as'], url: string, payload: unknown = {}) =>
      p.as[who].request({ method: 'POST', url, payload: payload as object });

    it('prefills a form from run data; an invalid submission gets field errors and starts nothing; a valid one continues the run', async () => {
      const wf = await publish(
        p,
        'Supplier invoice',
        [
          {
            id: 'check',
            type: 'human.form',
            name: 'Check invoice',
            config: {
              title: 'Check invoice {{ number }}',
              assignees: [{ user: 'carol@bakery.example' }],
              fields: [
                { key: 'amount', label: 'Amount', type: 'number', required: true, min: 0, default: '{{ amount }}' },
                { key: 'costCentre', label: 'Cost centre', type: 'select', options: ['bakery', 'shop'], required: true },
                { key: 'note', label: 'Note', type: 'textarea', maxLength: 20 },
              ],
            },
          },
          {
            id: 'book',
            type: 'logic.transform',
            name: 'Book',
            config: { expression: '{ "booked": data.amount, "centre": data.costCentre }' },
          },
        ],
        [
          { from: 'start', to: 'check' },
          { from: 'check', to: 'book' },
        ],
      );
      const runId = await start(p, wf, { number: 'S-1', amount: 99.5 });
      const taskId = await parkedTask(p, runId);
      const view = (await p.as.carol.request({ method: 'GET', url: `/api/v1/tasks/${taskId}` })).json();
      assert.equal(view.kind, 'form');
      assert.deepEqual(view.form.prefill, { amount: 99.5 });
      assert.deepEqual(view.form.schema.required, ['amount', 'costCentre']);
      assert.deepEqual(view.context, { data: { number: 'S-1', amount: 99.5 } });
      assert.deepEqual(view.actions.sort(), ['claim', 'complete']);

      const before = await taskState(p);
      const bad = await post('carol', `/api/v1/tasks/${taskId}/complete`, {
        data: { amount: -1, costCentre: 'garage', note: 'x'.repeat(30), colour: 'red' },
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.code, 'FORM_INVALID');
      assert.deepEqual(
        bad.json().error.details.issues.map((i: { path: string }) => i.path),
        ['data.colour', 'data.amount', 'data.costCentre', 'data.note'],
      );
      assert.deepEqual(await taskState(p), before, 'an invalid form changes nothing');

      const good = await post('carol', `/api/v1/tasks/${taskId}/complete`, { data: { amount: 99.5, costCentre: 'shop' }, comment: 'ok' });
      assert.equal(good.statusCode, 200, good.body);
      assert.equal((await runEnded(p, runId)).status, 'succeeded');
      assert.deepEqual(await outputOf(p, runId, 'book'), { booked: 99.5, centre: 'shop' });
      const out = (await outputOf(p, runId, 'check')) as { submittedBy: { id: string } };
      assert.equal(out.submittedBy.id, p.ids.carol);
    });

    it('lets a person report a to-do’s outcome from the allowed ones', async () => {
      const wf = await publish(
        p,
        'Call customer',
        [
          {
            id: 'call',
            type: 'human.task',
            name: 'Call',
            config: { title: 'Call {{ customer }}', assignees: [{ team: 'Finance' }], outcomes: ['reached', 'voicemail'] },
          },
        ],
        [{ from: 'start', to: 'call' }],
      );
      const runId = await start(p, wf, { customer: 'Anna' });
      const taskId = await parkedTask(p, runId);
      const wrong = await post('dave', `/api/v1/tasks/${taskId}/complete`, { outcome: 'maybe' });
      assert.equal(wrong.json().error.code, 'TASK_ACTION_INVALID');
      assert.equal(wrong.json().error.details.issues[0].path, 'outcome');
      const ok = await post('dave', `/api/v1/tasks/${taskId}/complete`, { outcome: 'voicemail', comment: 'Will try again' });
      assert.equal(ok.json().outcome, 'voicemail');
      await runEnded(p, runId);
      const out = (await outputOf(p, runId, 'call')) as { outcome: string; comment: string; completedBy: { id: string } };
      assert.deepEqual([out.outcome, out.comment, out.completedBy.id], ['voicemail', 'Will try again', p.ids.dave]);
    });

    it('continues with the prefilled values when a form times out with onTimeout "continue"', async () => {
      const wf = await publish(
        p,
        'Confirm order',
        [
          {
            id: 'confirm',
            type: 'human.form',
            name: 'Confirm',
            config: {
              title: 'Confirm',
              assignees: [{ user: 'alice@bakery.example' }],
              timeout: '1h',
              onTimeout: 'continue',
              fields: [{ key: 'qty', label: 'Quantity', type: 'integer', default: '{{ qty }}' }],
            },
          },
        ],
        [{ from: 'start', to: 'confirm' }],
      );
      const runId = await start(p, wf, { qty: 12 });
      await parkedTask(p, runId);
      p.app.clock.advance(3_600_001);
      assert.equal((await p.app.services.taskScheduler.tick()).expired, 1);
      await runEnded(p, runId);
      const out = (await outputOf(p, runId, 'confirm')) as { data: unknown; timedOut: boolean };
      assert.deepEqual([out.data, out.timedOut], [{ qty: 12 }, true]);
      await signInAgain(p);
    });

    it('delivers a decision taken while a worker held the run once the run is free (scheduler)', async () => {
      const wf = await publish(
        p,
        'Busy run',
        [{ id: 'ok', type: 'human.approval', name: 'OK?', config: { title: 'OK?', assignees: [{ user: 'alice@bakery.example' }] } }],
        [{ from: 'start', to: 'ok' }],
      );
      const runId = await start(p, wf, {});
      const taskId = await parkedTask(p, runId);
      await handle.db
        .updateTable('runs')
        .set({ lease_owner: 'another-worker', lease_until: '2999-01-01T00:00:00.000Z' })
        .where('id', '=', runId)
        .execute();
      const decided = await post('alice', `/api/v1/tasks/${taskId}/approve`);
      assert.equal(decided.json().status, 'done');
      const pending = await handle.db
        .selectFrom('tasks')
        .select(['signal_pending', 'next_check_at'])
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow();
      assert.equal(pending.signal_pending, 1);
      assert.ok(pending.next_check_at);
      assert.equal((await p.app.services.taskScheduler.tick()).resignalled, 0, 'not due yet');
      await handle.db.updateTable('runs').set({ lease_owner: null, lease_until: null }).where('id', '=', runId).execute();
      p.app.clock.advance(1000);
      assert.equal((await p.app.services.taskScheduler.tick()).resignalled, 1);
      assert.equal((await runEnded(p, runId)).status, 'succeeded');
      assert.equal(((await outputOf(p, runId, 'ok')) as { approved: boolean }).approved, true);
      const after = await handle.db
        .selectFrom('tasks')
        .select(['signal_pending', 'next_check_at'])
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(after, { signal_pending: 0, next_check_at: null });
    });

    it('e-mails people, teams and addresses through the outbox, and assignees when a task opens', async () => {
      mails.length = 0;
      const wf = await publish(
        p,
        'Tell finance',
        [
          {
            id: 'tell',
            type: 'human.notify',
            name: 'Tell',
            config: {
              to: [{ team: 'Finance' }, { email: 'Auditor@Outside.example' }],
              subject: 'Order {{ id }} shipped',
              body: 'Order {{ id }} left the bakery.',
              credentialId,
            },
          },
          {
            id: 'ask',
            type: 'human.approval',
            name: 'Ask',
            config: { title: 'Refund {{ $trigger.id }}?', assignees: [{ user: 'dave@bakery.example' }], credentialId },
          },
        ],
        [
          { from: 'start', to: 'tell' },
          { from: 'tell', to: 'ask' },
        ],
      );
      const runId = await start(p, wf, { id: 'O-5' });
      const taskId = await parkedTask(p, runId);
      assert.deepEqual(await outputOf(p, runId, 'tell'), {
        queued: 6,
        recipients: [
          'alice@bakery.example',
          'bob@bakery.example',
          'carol@bakery.example',
          'dave@bakery.example',
          'erin@bakery.example',
          'auditor@outside.example',
        ].sort((a, b) => (a === 'auditor@outside.example' ? 1 : b === 'auditor@outside.example' ? -1 : a.localeCompare(b))),
      });
      const outbox = await p.app.services.notifications.ofRun(runId);
      assert.equal(outbox.length, 7, 'six notices and one assignment');
      assert.ok(outbox.every((n) => n.status === 'pending'));
      const report = await p.app.services.taskScheduler.tick();
      assert.equal(report.notified, 7);
      const sent = await p.app.services.notifications.ofRun(runId);
      assert.ok(
        sent.every((n) => n.status === 'sent'),
        JSON.stringify(sent.map((n) => [n.status, n.last_error])),
      );
      assert.equal(mails.length, 7);
      const assignment = mails.find((m) => m.raw.includes('Refund O-5?'));
      assert.deepEqual(assignment?.to, ['dave@bakery.example']);
      assert.match(assignment?.raw ?? '', new RegExp(`/tasks/${taskId}`));
      assert.ok(mails.some((m) => m.to[0] === 'auditor@outside.example' && m.raw.includes('Subject: Order O-5 shipped')));
      assert.equal((await p.app.services.taskScheduler.tick()).notified, 0, 'nothing is sent twice');
    });
  });
}
