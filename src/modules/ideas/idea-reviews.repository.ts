import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { IdeaReviewsTable } from '../../platform/db/schema.ts';

export type ReviewRow = IdeaReviewsTable;

/** Review rounds, and the facts about linked workflows the automatic checks judge: the only Kysely of reviews. */
export function createIdeaReviewsRepository(db: Db) {
  return {
    rounds: (ideaId: string, trx: Db = db) =>
      trx.selectFrom('idea_reviews').selectAll().where('idea_id', '=', ideaId).orderBy('submitted_at').orderBy('round').execute(),
    insert: (row: Insertable<IdeaReviewsTable>, trx: Db = db) => trx.insertInto('idea_reviews').values(row).execute(),
    /** Updates a round only while it is still pending (a concurrent decision makes this a no-op: 0 rows). */
    async updatePending(id: string, set: Updateable<IdeaReviewsTable>, trx: Db = db): Promise<boolean> {
      const res = await trx.updateTable('idea_reviews').set(set).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    linkedWorkflows: (ideaId: string, trx: Db = db) =>
      trx
        .selectFrom('idea_workflows')
        .innerJoin('workflows as w', 'w.id', 'idea_workflows.workflow_id')
        .leftJoin('workflow_versions as v', 'v.id', 'w.published_version_id')
        .leftJoin('users as u', 'u.id', 'w.created_by')
        .select([
          'w.id',
          'w.name',
          'w.status',
          'w.team_id',
          'w.draft_json',
          'w.published_version_id',
          'v.version as published_version',
          'v.definition_json as published_json',
          'u.id as owner_id',
          'u.name as owner_name',
          'u.is_active as owner_active',
        ])
        .where('idea_workflows.idea_id', '=', ideaId)
        .orderBy('idea_workflows.created_at')
        .execute(),
    /** Succeeded runs per published version id. */
    async succeededRuns(versionIds: string[], trx: Db = db): Promise<Map<string, number>> {
      if (versionIds.length === 0) return new Map();
      const rows = await trx
        .selectFrom('runs')
        .select(['version_id', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('version_id', 'in', versionIds)
        .where('status', '=', 'succeeded')
        .groupBy('version_id')
        .execute();
      return new Map(rows.map((r) => [r.version_id, Number(r.n)]));
    },
    credentials: (ids: string[], trx: Db = db) =>
      ids.length === 0 ? Promise.resolve([]) : trx.selectFrom('credentials').select(['id', 'type']).where('id', 'in', ids).execute(),
    /** Active users holding one of `roles` globally, for the idea's category, or for its team. */
    async holders(roles: string[], idea: { category_id: string; team_id: string | null }, trx: Db = db): Promise<string[]> {
      const rows = await trx
        .selectFrom('role_assignments as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select('r.user_id')
        .distinct()
        .where('u.is_active', '=', 1)
        .where('r.role', 'in', roles)
        .where((eb) =>
          eb.or([
            eb('r.scope_type', '=', 'global'),
            eb.and([eb('r.scope_type', '=', 'category'), eb('r.scope_id', '=', idea.category_id)]),
            ...(idea.team_id ? [eb.and([eb('r.scope_type', '=', 'team'), eb('r.scope_id', '=', idea.team_id)])] : []),
          ]),
        )
        .execute();
      return rows.map((r) => r.user_id);
    },
  };
}

export type IdeaReviewsRepository = ReturnType<typeof createIdeaReviewsRepository>;
