import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { containsIgnoreCase } from '../../platform/db/like.ts';
import type { CredentialsTable } from '../../platform/db/schema.ts';

export type CredentialRow = Selectable<CredentialsTable>;

export function createCredentialsRepository(db: Db) {
  return {
    async insert(row: CredentialRow, trx: Db = db): Promise<void> {
      await trx.insertInto('credentials').values(row).execute();
    },
    async findById(id: string, trx: Db = db): Promise<CredentialRow | undefined> {
      return trx.selectFrom('credentials').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async update(id: string, patch: Partial<Omit<CredentialRow, 'id'>>, trx: Db = db): Promise<void> {
      await trx.updateTable('credentials').set(patch).where('id', '=', id).execute();
    },
    async delete(id: string, trx: Db = db): Promise<void> {
      await trx.deleteFrom('credentials').where('id', '=', id).execute();
    },
    /** Sorted by name, then id (keyset pagination). */
    async list(
      filter: { q?: string | undefined; type?: string | undefined },
      limit: number,
      after?: { name: string; id: string },
    ): Promise<CredentialRow[]> {
      let query = db.selectFrom('credentials').selectAll();
      if (filter.q) query = query.where(containsIgnoreCase('name', filter.q));
      if (filter.type) query = query.where('type', '=', filter.type);
      if (after) {
        query = query.where((eb) => eb.or([eb('name', '>', after.name), eb.and([eb('name', '=', after.name), eb('id', '>', after.id)])]));
      }
      return query.orderBy('name').orderBy('id').limit(limit).execute();
    },
  };
}

export type CredentialsRepository = ReturnType<typeof createCredentialsRepository>;
