import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'kysely';
import { type Arg, compiledQuery } from './compiled-query.ts';
import type { Db } from './database.ts';
import { describeEachDialect } from './testing/test-database.ts';

const teamsNamed = compiledQuery((db: Db, arg: Arg<{ prefix: string; after: string }>) =>
  db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('description', '=', 'kept')
    .where('name', 'like', arg('prefix'))
    .where('id', '>', arg('after'))
    .orderBy('id'),
);

describeEachDialect('compiledQuery', (getDb) => {
  before(async () => {
    const { db } = getDb();
    for (const [id, name, description] of [
      ['t1', 'Alpha', 'kept'],
      ['t2', 'Alps', 'kept'],
      ['t3', 'Beta', 'kept'],
      ['t4', 'Alder', 'other'],
    ]) {
      await sql`insert into teams (id, name, description, created_at, updated_at) values (${id}, ${name}, ${description}, 'x', 'x')`.execute(
        db,
      );
    }
  });

  it('binds each call’s values and keeps the query’s own constants', async () => {
    const { db } = getDb();
    assert.deepEqual(await teamsNamed(db, { prefix: 'Al%', after: '' }), [
      { id: 't1', name: 'Alpha' },
      { id: 't2', name: 'Alps' },
    ]);
    assert.deepEqual(await teamsNamed(db, { prefix: 'Al%', after: 't1' }), [{ id: 't2', name: 'Alps' }]);
    assert.deepEqual(await teamsNamed(db, { prefix: 'B%', after: '' }), [{ id: 't3', name: 'Beta' }]);
  });

  it('runs inside a transaction and sees its uncommitted writes', async () => {
    const { db } = getDb();
    await db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into teams (id, name, description, created_at, updated_at) values ('t5', 'Alto', 'kept', 'x', 'x')`.execute(trx);
        const inside = await teamsNamed(trx, { prefix: 'Alt%', after: '' });
        assert.deepEqual(inside, [{ id: 't5', name: 'Alto' }]);
        throw new Error('roll back');
      })
      .catch((error: Error) => assert.equal(error.message, 'roll back'));
    assert.deepEqual(await teamsNamed(db, { prefix: 'Alt%', after: '' }), []);
  });
});
