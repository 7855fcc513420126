import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
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
