import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { RoleAssignmentsTable } from '../../platform/db/schema.ts';

export type RoleAssignmentRow = Selectable<RoleAssignmentsTable>;

export function createRolesRepository(db: Db) {
  return {
    async insert(row: RoleAssignmentRow, trx: Db = db): Promise<void> {
      await trx.insertInto('role_assignments').values(row).execute();
    },
    async findById(id: string, trx: Db = db): Promise<RoleAssignmentRow | undefined> {
      return trx.selectFrom('role_assignments').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async delete(id: string, trx: Db = db): Promise<void> {
      await trx.deleteFrom('role_assignments').where('id', '=', id).execute();
    },
    async forUsers(userIds: string[], trx: Db = db): Promise<RoleAssignmentRow[]> {
      if (userIds.length === 0) return [];
      return trx.selectFrom('role_assignments').selectAll().where('user_id', 'in', userIds).orderBy('id').execute();
    },
    /** Assignments with user and team names, for the roles page. */
    async listDetailed(userId: string | undefined, trx: Db = db) {
      let query = trx
        .selectFrom('role_assignments')
        .innerJoin('users', 'users.id', 'role_assignments.user_id')
        .leftJoin('teams', (join) =>
          join.onRef('teams.id', '=', 'role_assignments.scope_id').on('role_assignments.scope_type', '=', 'team'),
        )
        .selectAll('role_assignments')
        .select(['users.name as user_name', 'teams.name as team_name']);
      if (userId) query = query.where('role_assignments.user_id', '=', userId);
      return query.orderBy('users.name').orderBy('role_assignments.id').limit(5000).execute();
    },
    /** Active users holding a global admin grant. */
    async countActiveAdmins(trx: Db = db): Promise<number> {
      const row = await trx
        .selectFrom('role_assignments')
        .innerJoin('users', 'users.id', 'role_assignments.user_id')
        .select((eb) => eb.fn.count<string | number>('role_assignments.user_id').distinct().as('n'))
        .where('role_assignments.role', '=', 'admin')
        .where('role_assignments.scope_type', '=', 'global')
        .where('users.is_active', '=', 1)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type RolesRepository = ReturnType<typeof createRolesRepository>;
