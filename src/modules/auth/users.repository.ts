import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { containsIgnoreCase } from '../../platform/db/like.ts';
import type { UsersTable } from '../../platform/db/schema.ts';

export type UserRow = Selectable<UsersTable>;

export function createUsersRepository(db: Db) {
  return {
    async insert(row: UserRow, trx: Db = db): Promise<void> {
      await trx.insertInto('users').values(row).execute();
    },
    async findById(id: string, trx: Db = db): Promise<UserRow | undefined> {
      return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async findByEmail(email: string, trx: Db = db): Promise<UserRow | undefined> {
      return trx.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    },
    async update(id: string, patch: Partial<UserRow>, trx: Db = db): Promise<void> {
      await trx.updateTable('users').set(patch).where('id', '=', id).execute();
    },
    async count(trx: Db = db): Promise<number> {
      const row = await trx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Keyset page ordered by (name, id). */
    async list(
      filter: { q?: string | undefined; teamId?: string | undefined; includeInactive: boolean },
      limit: number,
      after?: { name: string; id: string },
    ): Promise<UserRow[]> {
      let query = db.selectFrom('users').selectAll('users');
      if (!filter.includeInactive) query = query.where('users.is_active', '=', 1);
      if (filter.q) {
        const q = filter.q;
        query = query.where((eb) => eb.or([containsIgnoreCase('users.name', q), containsIgnoreCase('users.email', q)]));
      }
      if (filter.teamId) {
        const teamId = filter.teamId;
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('team_members')
              .select('team_members.user_id')
              .whereRef('team_members.user_id', '=', 'users.id')
              .where('team_members.team_id', '=', teamId),
          ),
        );
      }
      if (after) {
        query = query.where((eb) =>
          eb.or([eb('users.name', '>', after.name), eb.and([eb('users.name', '=', after.name), eb('users.id', '>', after.id)])]),
        );
      }
      return query.orderBy('users.name').orderBy('users.id').limit(limit).execute();
    },
    /** Team memberships of several users at once: userId → [{id, name}]. */
    async teamsOf(userIds: string[], trx: Db = db): Promise<Map<string, { id: string; name: string }[]>> {
      const map = new Map<string, { id: string; name: string }[]>();
      if (userIds.length === 0) return map;
      const rows = await trx
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select(['team_members.user_id', 'teams.id', 'teams.name'])
        .where('team_members.user_id', 'in', userIds)
        .orderBy('teams.name')
        .execute();
      for (const row of rows) {
        const list = map.get(row.user_id) ?? [];
        list.push({ id: row.id, name: row.name });
        map.set(row.user_id, list);
      }
      return map;
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
