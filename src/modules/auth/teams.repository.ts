import type { Selectable } from 'kysely';
import { type Arg, compiledQuery } from '../../platform/db/compiled-query.ts';
import type { Db } from '../../platform/db/database.ts';
import { containsIgnoreCase } from '../../platform/db/like.ts';
import type { TeamsTable } from '../../platform/db/schema.ts';

export type TeamRow = Selectable<TeamsTable>;
export type TeamWithCount = TeamRow & { member_count: number };

// The team page's query runs on every GET of a team: compiled once (see compiledQuery).
const withMembers = compiledQuery((db: Db, arg: Arg<{ id: string }>) =>
  db
    .selectFrom('teams')
    .leftJoin('team_members', 'team_members.team_id', 'teams.id')
    .leftJoin('users', 'users.id', 'team_members.user_id')
    .selectAll('teams')
    .select(['users.id as user_id', 'users.name as user_name', 'users.email as user_email', 'team_members.is_manager'])
    .where('teams.id', '=', arg('id'))
    .orderBy('users.name'),
);

export function createTeamsRepository(db: Db) {
  const withCount = (trx: Db) =>
    trx
      .selectFrom('teams')
      .selectAll('teams')
      .select((eb) =>
        eb
          .selectFrom('team_members')
          .select((e) => e.fn.countAll<string | number>().as('n'))
          .whereRef('team_members.team_id', '=', 'teams.id')
          .as('member_count'),
      );
  const normalize = (row: TeamRow & { member_count: string | number | null }): TeamWithCount => ({
    ...row,
    member_count: Number(row.member_count ?? 0),
  });

  return {
    async insert(row: TeamRow, trx: Db = db): Promise<void> {
      await trx.insertInto('teams').values(row).execute();
    },
    async findById(id: string, trx: Db = db): Promise<TeamWithCount | undefined> {
      const row = await withCount(trx).where('teams.id', '=', id).executeTakeFirst();
      return row ? normalize(row) : undefined;
    },
    async findByIds(ids: string[], trx: Db = db): Promise<TeamRow[]> {
      if (ids.length === 0) return [];
      return trx.selectFrom('teams').selectAll().where('id', 'in', ids).execute();
    },
    async update(id: string, patch: Partial<TeamRow>, trx: Db = db): Promise<void> {
      await trx.updateTable('teams').set(patch).where('id', '=', id).execute();
    },
    async delete(id: string, trx: Db = db): Promise<void> {
      await trx.deleteFrom('team_members').where('team_id', '=', id).execute();
      await trx.deleteFrom('role_assignments').where('scope_type', '=', 'team').where('scope_id', '=', id).execute();
      await trx.deleteFrom('teams').where('id', '=', id).execute();
    },
    async count(trx: Db = db): Promise<number> {
      const row = await trx
        .selectFrom('teams')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async list(q: string | undefined, limit: number, after?: { name: string; id: string }): Promise<TeamWithCount[]> {
      let query = withCount(db);
      if (q) query = query.where(containsIgnoreCase('teams.name', q));
      if (after) {
        query = query.where((eb) =>
          eb.or([eb('teams.name', '>', after.name), eb.and([eb('teams.name', '=', after.name), eb('teams.id', '>', after.id)])]),
        );
      }
      const rows = await query.orderBy('teams.name').orderBy('teams.id').limit(limit).execute();
      return rows.map(normalize);
    },
    /** A team and its members in one round trip (members empty when the team has none). */
    async findWithMembers(id: string, trx: Db = db) {
      const rows = await withMembers(trx, { id });
      const first = rows[0];
      if (!first) return undefined;
      const team: TeamRow = {
        id: first.id,
        name: first.name,
        description: first.description,
        created_at: first.created_at,
        updated_at: first.updated_at,
      };
      const members = rows
        .filter((r) => r.user_id !== null)
        .map((r) => ({ userId: r.user_id as string, name: r.user_name ?? '', email: r.user_email ?? '', isManager: r.is_manager === 1 }));
      return { team, members };
    },
    async members(teamId: string, trx: Db = db) {
      return trx
        .selectFrom('team_members')
        .innerJoin('users', 'users.id', 'team_members.user_id')
        .select(['users.id as userId', 'users.name', 'users.email', 'team_members.is_manager'])
        .where('team_members.team_id', '=', teamId)
        .orderBy('users.name')
        .execute();
    },
    async findMember(teamId: string, userId: string, trx: Db = db) {
      return trx.selectFrom('team_members').selectAll().where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
    },
    async upsertMember(row: { team_id: string; user_id: string; is_manager: number; created_at: string }, trx: Db = db): Promise<void> {
      await trx
        .insertInto('team_members')
        .values(row)
        .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ is_manager: row.is_manager }))
        .execute();
    },
    async removeMember(teamId: string, userId: string, trx: Db = db): Promise<void> {
      await trx.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', userId).execute();
    },
  };
}

export type TeamsRepository = ReturnType<typeof createTeamsRepository>;
