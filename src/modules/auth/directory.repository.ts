import type { Db } from '../../platform/db/database.ts';

export interface PeopleQuery {
  userIds: string[];
  teamIds: string[];
  managerTeamIds: string[];
  /** teamId null: global grants of the role. */
  roles: { role: string; teamId: string | null }[];
}

/** Lookups other modules need about people, teams and roles (read-only). */
export function createDirectoryRepository(db: Db) {
  return {
    membershipsOf: (userId: string, trx: Db = db) =>
      trx.selectFrom('team_members').select(['team_id', 'is_manager']).where('user_id', '=', userId).execute(),

    usersByIdOrEmail: (refs: string[], trx: Db = db) =>
      refs.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('users')
            .select(['id', 'email', 'name', 'is_active'])
            .where((eb) =>
              eb.or([
                eb('id', 'in', refs),
                eb(
                  'email',
                  'in',
                  refs.map((r) => r.toLowerCase()),
                ),
              ]),
            )
            .execute(),

    teamsByIdOrName: (refs: string[], trx: Db = db) =>
      refs.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('teams')
            .select(['id', 'name'])
            .where((eb) => eb.or([eb('id', 'in', refs), eb('name', 'in', refs)]))
            .execute(),

    /** Active users matching any part of `q`. */
    async activeUsers(q: PeopleQuery, trx: Db = db) {
      const { userIds, teamIds, managerTeamIds, roles } = q;
      if (userIds.length + teamIds.length + managerTeamIds.length + roles.length === 0) return [];
      return trx
        .selectFrom('users')
        .select(['users.id', 'users.name', 'users.email'])
        .where('users.is_active', '=', 1)
        .where((eb) => {
          const any = [];
          if (userIds.length > 0) any.push(eb('users.id', 'in', userIds));
          if (teamIds.length > 0)
            any.push(eb('users.id', 'in', eb.selectFrom('team_members').select('user_id').where('team_id', 'in', teamIds)));
          if (managerTeamIds.length > 0)
            any.push(
              eb(
                'users.id',
                'in',
                eb.selectFrom('team_members').select('user_id').where('team_id', 'in', managerTeamIds).where('is_manager', '=', 1),
              ),
            );
          for (const r of roles) {
            any.push(
              eb(
                'users.id',
                'in',
                eb
                  .selectFrom('role_assignments')
                  .select('user_id')
                  .where('role', '=', r.role)
                  .where('scope_type', '=', r.teamId === null ? 'global' : 'team')
                  .where('scope_id', '=', r.teamId ?? ''),
              ),
            );
          }
          return eb.or(any);
        })
        .orderBy('users.name')
        .limit(10_000)
        .execute();
    },

    namesOf: (ids: string[], trx: Db = db) =>
      ids.length === 0 ? Promise.resolve([]) : trx.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute(),

    teamNamesOf: (ids: string[], trx: Db = db) =>
      ids.length === 0 ? Promise.resolve([]) : trx.selectFrom('teams').select(['id', 'name']).where('id', 'in', ids).execute(),
  };
}
