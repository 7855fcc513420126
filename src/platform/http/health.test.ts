import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createTestApp } from '../../testing/test-app.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';
import { describeEachDialect } from '../db/testing/test-database.ts';

describeEachDialect(
  'health probes',
  (getDb) => {
    it('reports not ready while migrations are pending, ready once at head', async () => {
      // The engine reads its tables on start: this app runs before any migration.
      const t = await createTestApp(getDb(), { engine: false });
      try {
        assert.equal((await t.server.inject({ url: '/healthz' })).statusCode, 200);
        const pending = await t.server.inject({ url: '/readyz' });
        assert.equal(pending.statusCode, 503);
        assert.match(pending.json<{ reason: string }>().reason, new RegExp(`${Object.keys(migrations).length} migration\\(s\\) pending`));
        await migrateToLatest(getDb().db);
        const ready = await t.server.inject({ url: '/readyz' });
        assert.equal(ready.statusCode, 200);
        assert.deepEqual(ready.json(), {
          status: 'ready',
          database: getDb().dialect,
          migrations: { applied: Object.keys(migrations).length, pending: 0 },
        });
      } finally {
        await t.close();
      }
    });
  },
  { migrate: false },
);
