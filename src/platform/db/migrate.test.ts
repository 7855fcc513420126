import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest, migrationStatus } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { describeEachDialect } from './testing/test-database.ts';

describeEachDialect(
  'migrateToLatest',
  (getDb) => {
    it('reports every migration pending on an empty database', async () => {
      const status = await migrationStatus(getDb().db);
      assert.equal(status.applied, 0);
      assert.equal(status.pending, Object.keys(migrations).length);
    });

    it('migrates an empty database to head and is a no-op the second time', async () => {
      const { db } = getDb();
      const applied = await migrateToLatest(db);
      assert.deepEqual(applied, Object.keys(migrations));
      assert.deepEqual(await migrateToLatest(db), []);
      const status = await migrationStatus(db);
      assert.equal(status.pending, 0);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      for (const table of ['users', 'teams', 'team_members', 'role_assignments', 'sessions', 'api_tokens', 'audit_events']) {
        assert.ok(tables.includes(table), `table ${table} exists`);
      }
    });

    it('makes the audit log append-only in the database itself', async () => {
      const { db } = getDb();
      await sql`insert into audit_events (id, occurred_at, actor_type, actor_label, action, object_type)
        values ('a1', '2026-11-22T00:00:00.000Z', 'system', 'test', 'x.create', 'x')`.execute(db);
      await assert.rejects(sql`update audit_events set action = 'x.forged'`.execute(db), /AUDIT_LOG_IMMUTABLE/);
      await assert.rejects(sql`delete from audit_events`.execute(db), /AUDIT_LOG_IMMUTABLE/);
      const rows = await sql<{ action: string }>`select action from audit_events`.execute(db);
      assert.deepEqual(
        rows.rows.map((r) => r.action),
        ['x.create'],
      );
    });
  },
  { migrate: false },
);
