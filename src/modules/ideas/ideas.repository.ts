import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { containsIgnoreCase } from '../../platform/db/like.ts';
import type { IdeasTable, IdeaTransitionsTable } from '../../platform/db/schema.ts';

export type IdeaRecord = IdeasTable;

const SORT_COLUMNS = {
  created: 'ideas.created_at',
  updated: 'ideas.updated_at',
  score: 'ideas.score_x10',
  votes: 'ideas.votes_count',
  name: 'ideas.name',
} as const;

export interface IdeaFilter {
  phase?: string | undefined;
  status?: string | undefined;
  teamId?: string | undefined;
  categoryId?: string | undefined;
  q?: string | undefined;
  minScoreX10?: number | undefined;
  sort: keyof typeof SORT_COLUMNS;
  order: 'asc' | 'desc';
  after?: { v: string | number; id: string } | undefined;
  /** Decision queue: only these statuses/phases, only these categories or teams (null: any). */
  statuses?: readonly string[];
  phases?: readonly string[];
  scope?: { categoryIds: readonly string[]; teamIds: readonly string[] } | null;
}

/** Ideas, categories, transition rules and history, workflow links: the only Kysely of the pipeline. */
export function createIdeasRepository(db: Db) {
  return {
    categories: (trx: Db = db) => trx.selectFrom('idea_categories').selectAll().orderBy('name').execute(),
    category: (id: string, trx: Db = db) => trx.selectFrom('idea_categories').selectAll().where('id', '=', id).executeTakeFirst(),
    categoryByName: (name: string, trx: Db = db) =>
      trx.selectFrom('idea_categories').selectAll().where('name', '=', name).executeTakeFirst(),
    insertCategory: (row: { id: string; name: string; description: string; created_at: string; updated_at: string }, trx: Db = db) =>
      trx.insertInto('idea_categories').values(row).execute(),
    updateCategory: (id: string, set: { name: string; description: string; updated_at: string }, trx: Db = db) =>
      trx.updateTable('idea_categories').set(set).where('id', '=', id).execute(),
    rules: (categoryId: string, trx: Db = db) =>
      trx.selectFrom('idea_transition_rules').selectAll().where('category_id', '=', categoryId).execute(),
    allRules: (trx: Db = db) => trx.selectFrom('idea_transition_rules').selectAll().execute(),
    async replaceRule(categoryId: string, action: string, roles: string, now: string, trx: Db = db) {
      await trx.deleteFrom('idea_transition_rules').where('category_id', '=', categoryId).where('action', '=', action).execute();
      await trx.insertInto('idea_transition_rules').values({ category_id: categoryId, action, roles, updated_at: now }).execute();
    },
    team: (id: string, trx: Db = db) => trx.selectFrom('teams').select(['id', 'name']).where('id', '=', id).executeTakeFirst(),
    teamByName: (name: string, trx: Db = db) => trx.selectFrom('teams').select(['id', 'name']).where('name', '=', name).executeTakeFirst(),
    users: (ids: string[], trx: Db = db) =>
      ids.length === 0 ? Promise.resolve([]) : trx.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute(),
    userByEmail: (email: string, trx: Db = db) =>
      trx.selectFrom('users').select(['id', 'name', 'email']).where('email', '=', email.toLowerCase()).executeTakeFirst(),

    /** E-mail addresses of people by id (the CSV export's submitter column). */
    emailsOf: async (ids: readonly string[], trx: Db = db) =>
      ids.length === 0
        ? new Map<string, string>()
        : new Map(
            (
              await trx
                .selectFrom('users')
                .select(['id', 'email'])
                .where('id', 'in', [...ids])
                .execute()
            ).map((u) => [u.id, u.email]),
          ),

    weights: (trx: Db = db) => trx.selectFrom('idea_score_weights').select(['factor', 'weight']).execute(),
    setWeight: (factor: string, weight: number, now: string, trx: Db = db) =>
      trx.updateTable('idea_score_weights').set({ weight, updated_at: now }).where('factor', '=', factor).execute(),
    screens: (trx: Db = db) =>
      trx.selectFrom('ideas').select(['id', 'q_rules', 'q_digital', 'q_structured', 'q_change', 'q_documentation', 'score_x10']).execute(),
    setScore: (id: string, scoreX10: number, trx: Db = db) =>
      trx.updateTable('ideas').set({ score_x10: scoreX10 }).where('id', '=', id).execute(),
    insert: (row: Insertable<IdeasTable>, trx: Db = db) => trx.insertInto('ideas').values(row).execute(),
    find: (id: string, trx: Db = db) => trx.selectFrom('ideas').selectAll().where('id', '=', id).executeTakeFirst(),
    update: (id: string, set: Updateable<IdeasTable>, trx: Db = db) => trx.updateTable('ideas').set(set).where('id', '=', id).execute(),
    async bump(
      id: string,
      column: 'votes_count' | 'followers_count' | 'comments_count' | 'supporters_count',
      by: number,
      now: string,
      trx: Db = db,
    ) {
      await trx
        .updateTable('ideas')
        .set((eb) => ({ [column]: eb(eb.ref(column), '+', by), updated_at: now }))
        .where('id', '=', id)
        .execute();
    },

    /** One keyset page of the table (rows joined with category and team names). */
    list(filter: IdeaFilter, limit: number, trx: Db = db) {
      const col = SORT_COLUMNS[filter.sort];
      let q = trx
        .selectFrom('ideas')
        .innerJoin('idea_categories as c', 'c.id', 'ideas.category_id')
        .leftJoin('teams as t', 't.id', 'ideas.team_id')
        .select([
          'ideas.id',
          'ideas.name',
          'ideas.category_id',
          'c.name as category_name',
          'ideas.team_id',
          't.name as team_name',
          'ideas.phase',
          'ideas.status',
          'ideas.score_x10',
          'ideas.feasible',
          'ideas.votes_count',
          'ideas.supporters_count',
          'ideas.comments_count',
          'ideas.builder_id',
          'ideas.submitter_id',
          'ideas.created_at',
          'ideas.updated_at',
        ]);
      if (filter.phase) q = q.where('ideas.phase', '=', filter.phase);
      if (filter.status) q = q.where('ideas.status', '=', filter.status);
      if (filter.statuses) q = q.where('ideas.status', 'in', filter.statuses);
      if (filter.phases) q = q.where('ideas.phase', 'in', filter.phases);
      if (filter.teamId) q = q.where('ideas.team_id', '=', filter.teamId);
      if (filter.categoryId) q = q.where('ideas.category_id', '=', filter.categoryId);
      if (filter.minScoreX10 !== undefined) q = q.where('ideas.score_x10', '>=', filter.minScoreX10);
      if (filter.q) q = q.where(containsIgnoreCase('ideas.search_text', filter.q));
      const scope = filter.scope;
      // An empty scope matches nothing (never everything).
      if (scope && scope.categoryIds.length + scope.teamIds.length === 0) q = q.where('ideas.id', '=', '');
      if (scope && scope.categoryIds.length + scope.teamIds.length > 0) {
        q = q.where((eb) =>
          eb.or([
            ...(scope.categoryIds.length > 0 ? [eb('ideas.category_id', 'in', scope.categoryIds)] : []),
            ...(scope.teamIds.length > 0 ? [eb('ideas.team_id', 'in', scope.teamIds)] : []),
          ]),
        );
      }
      const after = filter.after;
      if (after) {
        const op = filter.order === 'desc' ? '<' : '>';
        q = q.where((eb) => eb(eb.refTuple(col, 'ideas.id'), op, eb.tuple(after.v, after.id)));
      }
      return q.orderBy(col, filter.order).orderBy('ideas.id', filter.order).limit(limit).execute();
    },

    /** Ideas changed since a watermark: the similarity index catches up with other processes' writes. */
    changedSince: (after: { at: string; id: string }, trx: Db = db) =>
      trx
        .selectFrom('ideas')
        .select(['id', 'name', 'description', 'status', 'updated_at'])
        .where((eb) => eb(eb.refTuple('updated_at', 'id'), '>', eb.tuple(after.at, after.id)))
        .orderBy('updated_at')
        .orderBy('id')
        .execute(),
    workflowsChangedSince: (after: { at: string; id: string }, trx: Db = db) =>
      trx
        .selectFrom('workflows')
        .select(['id', 'name', 'description', 'status', 'updated_at'])
        .where((eb) => eb(eb.refTuple('updated_at', 'id'), '>', eb.tuple(after.at, after.id)))
        .orderBy('updated_at')
        .orderBy('id')
        .execute(),
    briefIdeas: (ids: string[], trx: Db = db) =>
      ids.length === 0
        ? Promise.resolve([])
        : trx.selectFrom('ideas').select(['id', 'name', 'phase', 'status']).where('id', 'in', ids).execute(),
    briefWorkflows: (ids: string[], trx: Db = db) =>
      ids.length === 0
        ? Promise.resolve([])
        : trx.selectFrom('workflows').select(['id', 'name', 'status', 'team_id']).where('id', 'in', ids).execute(),

    insertTransition: (row: IdeaTransitionsTable, trx: Db = db) => trx.insertInto('idea_transitions').values(row).execute(),
    transitions: (ideaId: string, trx: Db = db) =>
      trx.selectFrom('idea_transitions').selectAll().where('idea_id', '=', ideaId).orderBy('created_at').orderBy('id').execute(),

    linkWorkflow: (row: { idea_id: string; workflow_id: string; linked_by: string | null; created_at: string }, trx: Db = db) =>
      trx.insertInto('idea_workflows').values(row).execute(),
    isLinked: (ideaId: string, workflowId: string, trx: Db = db) =>
      trx
        .selectFrom('idea_workflows')
        .select('idea_id')
        .where('idea_id', '=', ideaId)
        .where('workflow_id', '=', workflowId)
        .executeTakeFirst(),
    unlinkWorkflow: (ideaId: string, workflowId: string, trx: Db = db) =>
      trx.deleteFrom('idea_workflows').where('idea_id', '=', ideaId).where('workflow_id', '=', workflowId).execute(),
    linkedWorkflows: (ideaId: string, trx: Db = db) =>
      trx
        .selectFrom('idea_workflows')
        .innerJoin('workflows', 'workflows.id', 'idea_workflows.workflow_id')
        .select(['workflows.id', 'workflows.name', 'workflows.status'])
        .where('idea_workflows.idea_id', '=', ideaId)
        .orderBy('idea_workflows.created_at')
        .execute(),
  };
}

export type IdeasRepository = ReturnType<typeof createIdeasRepository>;
