import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createAuditLog } from '../../platform/audit-log/audit-log.service.ts';
import { fixedClock } from '../../platform/clock.ts';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { isAppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import type { RoleKey } from '../../platform/permissions/catalog.ts';
import { auditStats } from './audit-stats.domain.ts';
import { createEventLogsService } from './event-logs.service.ts';
import { analyseLog } from './log-analysis.domain.ts';
import { assertClose } from './testing/assert-close.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/eventlogs');
const oracle = JSON.parse(readFileSync(path.join(FIXTURES, 'running-example.oracle.json'), 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'symbiont-eventlogs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const person = (role: RoleKey): Actor => ({
  type: 'user',
  userId: `user-${role}`,
  label: role,
  grants: [{ role, scopeType: 'global', scopeId: null }],
  tokenScopes: null,
  requestId: null,
  ip: null,
});

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAppError(error), String(error));
    return error.code;
  }
  assert.fail('no error');
}

describeEachDialect('event logs', (getDb) => {
  const service = () => {
    const { db } = getDb();
    const clock = fixedClock('2026-11-25T12:00:00Z');
    return createEventLogsService({ db, clock, audit: createAuditLog({ db, clock }) });
  };

  it('stores an imported log columnar and loads it back with every statistic of the oracle', async () => {
    const logs = service();
    const view = await logs.importFile(person('builder'), path.join(FIXTURES, 'running-example.csv'), { name: 'Compensation' });
    assert.deepEqual(
      {
        name: view.name,
        format: view.format,
        events: view.numEvents,
        cases: view.numCases,
        variants: view.numVariants,
        by: view.createdBy,
      },
      { name: 'Compensation', format: 'csv', events: 42, cases: 6, variants: 6, by: 'user-builder' },
    );
    assert.equal(view.import.delimiter, ',');
    assert.equal(view.firstEventAt, '2010-12-30T10:02:00.000Z');
    const log = await logs.load(person('programme_manager'), view.id);
    const stats = auditStats(log, analyseLog(log)) as unknown as Record<string, unknown>;
    for (const key of Object.keys(stats)) assertClose(stats[key], oracle[key], key);
    const entries = await getDb().db.selectFrom('audit_events').select(['action', 'actor_id']).where('object_id', '=', view.id).execute();
    assert.deepEqual(entries, [{ action: 'event_log.import', actor_id: 'user-builder' }]);
    assert.deepEqual(
      (await logs.list(person('builder'), { limit: 10 })).items.map((l) => l.id),
      [view.id],
    );
  });

  it('stores nothing when the import fails', async () => {
    const logs = service();
    const before = (await logs.list(person('builder'), { limit: 100 })).items.length;
    const columns = async () =>
      Number(
        (
          await getDb()
            .db.selectFrom('event_log_columns')
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      );
    const columnsBefore = await columns();
    const whole = gzipSync(readFileSync(path.join(FIXTURES, 'running-example.xes')));
    const truncated = path.join(dir, 'cut.xes.gz');
    writeFileSync(truncated, whole.subarray(0, whole.length - 40));
    assert.equal(await code(logs.importFile(person('builder'), truncated)), 'EVENT_LOG_GZIP_INVALID');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'case,activity,timestamp\n1,a,2020-01-01\n1,b,not a date\n');
    assert.equal(await code(logs.importFile(person('builder'), bad)), 'EVENT_LOG_TIMESTAMP_INVALID');
    assert.equal((await logs.list(person('builder'), { limit: 100 })).items.length, before);
    assert.equal(await columns(), columnsBefore);
  });

  it('lets programme managers and builders import and read logs, not members or viewers', async () => {
    const logs = service();
    const file = path.join(FIXTURES, 'running-example.xes');
    assert.equal(await code(logs.importFile(person('member'), file)), 'FORBIDDEN');
    assert.equal(await code(logs.list(person('viewer'), { limit: 10 })), 'FORBIDDEN');
    const view = await logs.importFile(person('programme_manager'), file);
    assert.equal(await code(logs.load(person('member'), view.id)), 'FORBIDDEN');
    assert.equal(await code(logs.delete(person('viewer'), view.id)), 'FORBIDDEN');
  });

  it('deletes a log with its columns and an audit entry', async () => {
    const logs = service();
    const view = await logs.importFile(person('builder'), path.join(FIXTURES, 'running-example.xes'));
    await logs.delete(person('builder'), view.id);
    assert.equal(await code(logs.get(person('builder'), view.id)), 'NOT_FOUND');
    const columns = await getDb().db.selectFrom('event_log_columns').select('name').where('event_log_id', '=', view.id).execute();
    assert.deepEqual(columns, []);
    const actions = await getDb()
      .db.selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', view.id)
      .orderBy('occurred_at')
      .execute();
    assert.deepEqual(actions.map((a) => a.action).sort(), ['event_log.delete', 'event_log.import']);
  });
});
