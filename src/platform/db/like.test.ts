import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { containsIgnoreCase, startsWith } from './like.ts';
import { describeEachDialect } from './testing/test-database.ts';

describeEachDialect('LIKE helpers', (getDb) => {
  it('treats % _ and \\ in the search text literally and ignores case', async () => {
    const { db } = getDb();
    for (const [i, name] of ['Save 50% now', 'Save 500 now', 'a_b', 'axb', 'back\\slash', 'UPPER case'].entries()) {
      await sql`insert into teams (id, name, description, created_at, updated_at) values (${`t${i}`}, ${name}, '', 'x', 'x')`.execute(db);
    }
    const names = async (q: string) =>
      (await db.selectFrom('teams').select('name').where(containsIgnoreCase('name', q)).orderBy('name').execute()).map((r) => r.name);
    assert.deepEqual(await names('50%'), ['Save 50% now']);
    assert.deepEqual(await names('a_b'), ['a_b']);
    assert.deepEqual(await names('k\\s'), ['back\\slash']);
    assert.deepEqual(await names('upper CASE'), ['UPPER case']);
    const prefixed = await db.selectFrom('teams').select('name').where(startsWith('name', 'a_')).execute();
    assert.deepEqual(
      prefixed.map((r) => r.name),
      ['a_b'],
    );
  });
});
