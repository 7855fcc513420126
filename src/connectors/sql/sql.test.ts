import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { runAction } from '../run-action.ts';
import { createTestContext, type TestContext } from '../testing/test-context.ts';
import { closePgPools } from './pg-pools.ts';
import { postgresCredential } from './postgres.credential.ts';
import { postgresQueryAction } from './postgres-query.action.ts';
import { sqliteCredential } from './sqlite.credential.ts';
import { closeSqliteHandles } from './sqlite-handles.ts';
import { sqliteQueryAction } from './sqlite-query.action.ts';

type Out = { rows: Record<string, unknown>[]; rowCount: number; truncated: boolean; columns: string[] };

describe('sql connector on SQLite', () => {
  let ctx: TestContext;
  before(() => {
    ctx = createTestContext({ credential: { path: 'data/stock.db' } });
  });
  after(async () => {
    closeSqliteHandles();
    await ctx.dispose();
  });

  it('creates, writes with ? parameters and reads, with booleans and JSON bound', async () => {
    await runAction(
      sqliteQueryAction,
      { query: 'create table items (id integer primary key, name text, active integer, meta text)', readOnly: false },
      ctx,
    );
    const insert = (await runAction(
      sqliteQueryAction,
      {
        query: 'insert into items (name, active, meta) values (?, ?, ?), (?, ?, ?)',
        params: ['flour', true, { kg: 25 }, 'salt', false, null],
        readOnly: false,
      },
      ctx,
    )) as Out;
    assert.equal(insert.rowCount, 2);
    const read = (await runAction(
      sqliteQueryAction,
      { query: 'select name, active, meta from items where active = ? order by id', params: [1] },
      ctx,
    )) as Out;
    assert.deepEqual(read.rows, [{ name: 'flour', active: 1, meta: '{"kg":25}' }]);
    assert.deepEqual(read.columns, ['name', 'active', 'meta']);
  });

  it('refuses writes in read-only mode and changes nothing', async () => {
    await assert.rejects(runAction(sqliteQueryAction, { query: 'delete from items' }, ctx), { code: 'SQL_READ_ONLY', retryable: false });
    const count = (await runAction(sqliteQueryAction, { query: 'select count(*) as n from items' }, ctx)) as Out;
    assert.equal(count.rows[0]?.n, 2);
  });

  it('limits rows, names SQL errors, refuses paths outside the files folder', async () => {
    const limited = (await runAction(sqliteQueryAction, { query: 'select * from items', maxRows: 1 }, ctx)) as Out;
    assert.equal(limited.rows.length, 1);
    assert.equal(limited.truncated, true);
    await assert.rejects(
      runAction(sqliteQueryAction, { query: 'select * from nope' }, ctx),
      (e: { code: string; userMessage: string; retryable: boolean }) => {
        assert.equal(e.code, 'SQL_FAILED');
        assert.match(e.userMessage, /no such table: nope/);
        assert.equal(e.retryable, false);
        return true;
      },
    );
    await assert.rejects(runAction(sqliteQueryAction, { query: 'select 1; select 2' }, ctx), { code: 'SQL_FAILED' });
    await assert.rejects(runAction(sqliteQueryAction, { query: 'select 1' }, { ...ctx, credential: { path: '../../etc/passwd' } }), {
      code: 'FILE_PATH_REFUSED',
    });
  });

  it('tests the credential with select 1', async () => {
    await sqliteCredential.test({ path: 'data/stock.db' }, ctx);
    await assert.rejects(sqliteCredential.test({ path: 'data/missing.db' }, ctx), { code: 'SQL_FAILED' });
  });
});

const pg = testDialects().find((d) => d.dialect === 'postgres');

describe('sql connector on PostgreSQL', { skip: pg?.skip || undefined }, () => {
  let handle: DatabaseHandle;
  let url: string;
  let ctx: TestContext;
  before(async () => {
    handle = await createTestDatabase('postgres', { migrate: false });
    // The test database's URL: the pool behind Kysely knows it.
    const { sql } = await import('kysely');
    const row = await sql<{
      db: string;
      port: number;
      who: string;
    }>`select current_database() as db, inet_server_port() as port, current_user as who`.execute(handle.db);
    const info = row.rows[0];
    url = `postgres://${info?.who}@127.0.0.1:${info?.port}/${info?.db}`;
    ctx = createTestContext({ credential: { url } });
  });
  after(async () => {
    await closePgPools();
    await ctx.dispose();
    await handle?.close();
  });

  it('writes and reads with $1 parameters, JSON and dates as JSON values', async () => {
    await runAction(
      postgresQueryAction,
      {
        query: 'create table orders (id serial primary key, customer text, total numeric(10,2), placed timestamptz, meta jsonb)',
        readOnly: false,
      },
      ctx,
    );
    const insert = (await runAction(
      postgresQueryAction,
      {
        query: 'insert into orders (customer, total, placed, meta) values ($1, $2, $3, $4), ($5, $6, $7, $8)',
        params: ['Ann', '19.90', '2026-03-29T09:00:00Z', { rush: true }, 'Bob', 5, '2026-03-30T10:00:00Z', null],
        readOnly: false,
      },
      ctx,
    )) as Out;
    assert.equal(insert.rowCount, 2);
    const read = (await runAction(
      postgresQueryAction,
      { query: 'select customer, total, placed, meta from orders where customer = $1', params: ['Ann'] },
      ctx,
    )) as Out;
    assert.deepEqual(read.rows, [{ customer: 'Ann', total: '19.90', placed: '2026-03-29T09:00:00.000Z', meta: { rush: true } }]);
    assert.deepEqual(read.columns, ['customer', 'total', 'placed', 'meta']);
  });

  it('runs read-only by default, so writes fail and change nothing', async () => {
    await assert.rejects(runAction(postgresQueryAction, { query: 'delete from orders' }, ctx), { code: 'SQL_READ_ONLY', retryable: false });
    const count = (await runAction(postgresQueryAction, { query: 'select count(*)::int as n from orders' }, ctx)) as Out;
    assert.equal(count.rows[0]?.n, 2);
  });

  it('limits rows, times out long statements, and names errors', async () => {
    const limited = (await runAction(postgresQueryAction, { query: 'select * from generate_series(1, 50) as n', maxRows: 10 }, ctx)) as Out;
    assert.equal(limited.rows.length, 10);
    assert.equal(limited.truncated, true);
    await assert.rejects(runAction(postgresQueryAction, { query: 'select pg_sleep(5)', timeoutMs: 200 }, ctx), { code: 'SQL_FAILED' });
    await assert.rejects(runAction(postgresQueryAction, { query: 'select * from nope' }, ctx), { code: 'SQL_FAILED', retryable: false });
  });

  it('fails an unreachable server as retryable, and tests the credential', async () => {
    await postgresCredential.test({ url }, ctx);
    await assert.rejects(
      runAction(postgresQueryAction, { query: 'select 1' }, { ...ctx, credential: { url: 'postgres://x@127.0.0.1:1/db' } }),
      {
        code: 'CONNECTOR_UNREACHABLE',
        retryable: true,
      },
    );
  });
});
