import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { createPeople, type People, parkedTask, publish, runEnded, start } from '../tasks/testing/tasks-fixture.ts';

for (const { dialect, skip } of testDialects()) {
  describe(`a workflow's runs as an event log [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let wf = '';

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle, '2026-11-25T08:00:00.000Z');
      wf = await publish(
        p,
        'Invoices',
        [
          { id: 'read', type: 'logic.transform', name: 'Read invoice', config: { expression: '$' } },
          {
            id: 'approve',
            type: 'human.approval',
            name: 'Approve',
            config: { title: 'Pay?', assignees: [{ user: 'alice@bakery.example' }] },
          },
          { id: 'book', type: 'logic.transform', name: 'Book', config: { expression: '{ "ok": approved }' } },
        ],
        [
          { from: 'start', to: 'read' },
          { from: 'read', to: 'approve' },
          { from: 'approve', to: 'book' },
        ],
      );
      for (let i = 0; i < 3; i++) {
        const run = await start(p, wf, { n: i });
        const task = await parkedTask(p, run);
        p.app.clock.advance(3_600_000 * (i + 1));
        assert.equal((await p.as.alice.request({ method: 'POST', url: `/api/v1/tasks/${task}/approve`, payload: {} })).statusCode, 200);
        await runEnded(p, run);
      }
      // A fourth run still waits for Alice: its approval is not an event yet.
      await parkedTask(p, await start(p, wf, { n: 9 }));
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    it('mines the runs without an import: each run a case, each finished step an event, people as resources', async () => {
      const res = await p.as.bob.request({ method: 'GET', url: `/api/v1/process-analyses?workflowId=${wf}` });
      assert.equal(res.statusCode, 200, res.body);
      const a = res.json();
      assert.deepEqual(a.eventLog, { id: wf, name: 'Invoices', source: 'workflow' });
      assert.equal(a.cases.total, 4);
      const events = Object.fromEntries(a.activities.map((x: { name: string; events: number }) => [x.name, x.events]));
      assert.deepEqual(events, { Start: 4, 'Read invoice': 4, Approve: 3, Book: 3 });
      assert.equal(a.variants[0].count, 3);
      assert.deepEqual(a.variants[0].activities, ['Start', 'Read invoice', 'Approve', 'Book']);
      const approveToBook = a.dfg.find((e: { source: string; target: string }) => e.source === 'Approve' && e.target === 'Book');
      assert.equal(approveToBook.count, 3);
      const readToApprove = a.dfg.find((e: { source: string; target: string }) => e.source === 'Read invoice' && e.target === 'Approve');
      // The approvals waited 1, 2 and 3 hours on the injected clock.
      assert.equal(readToApprove.medianSeconds, 7200);
      assert.ok(a.resources.some((r: { name: string }) => /alice/i.test(r.name)));
      assert.ok(a.handovers.some((h: { source: string; target: string }) => h.source === 'Symbiont' && /alice/i.test(h.target)));
    });

    it('compares a process before automation with the workflow that automated it', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'symbiont-before-'));
      try {
        // Before: invoices approved by e-mail, a day each, one approved twice.
        const file = path.join(dir, 'before.csv');
        writeFileSync(
          file,
          'case,activity,timestamp,resource\nI1,Receive,2026-10-01T08:00:00Z,Ann\nI1,Approve,2026-10-02T08:00:00Z,Bob\nI1,Book,2026-10-02T10:00:00Z,Ann\n' +
            'I2,Receive,2026-10-03T08:00:00Z,Ann\nI2,Approve,2026-10-04T08:00:00Z,Bob\nI2,Approve,2026-10-05T08:00:00Z,Bob\nI2,Book,2026-10-05T10:00:00Z,Ann\n',
        );
        const log = await p.app.services.eventLogs.importFile(cliActor('test'), file, { name: 'Invoices by e-mail' });
        const res = await p.as.bob.request({
          method: 'GET',
          url: `/api/v1/process-analyses/compare?beforeEventLogId=${log.id}&afterWorkflowId=${wf}&hourlyCost=60&minutesPerPeopleStep=6`,
        });
        assert.equal(res.statusCode, 200, res.body);
        const c = res.json();
        assert.equal(c.before.name, 'Invoices by e-mail');
        assert.equal(c.before.cases, 2);
        assert.equal(c.before.reworkShare, 0.5);
        assert.equal(c.before.peopleStepsPerCase, 3.5);
        assert.equal(c.before.costPerCase, 3.5 * 6);
        assert.equal(c.after.source, 'workflow');
        assert.equal(c.after.cases, 4);
        assert.equal(c.after.peopleStepsPerCase, 3 / 4, 'Alice approved three runs; the machine did the rest');
        assert.equal(c.change.costPerCase, (0.75 * 6) / (3.5 * 6) - 1);
        assert.ok(c.change.throughputMedianSeconds < 0, 'the workflow is faster');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses both or neither source, and an unknown workflow', async () => {
      assert.equal((await p.as.bob.request({ method: 'GET', url: '/api/v1/process-analyses' })).statusCode, 400);
      assert.equal(
        (await p.as.bob.request({ method: 'GET', url: `/api/v1/process-analyses?workflowId=${wf}&eventLogId=x` })).statusCode,
        400,
      );
      assert.equal((await p.as.bob.request({ method: 'GET', url: '/api/v1/process-analyses?workflowId=nope' })).statusCode, 404);
    });
  });
}
