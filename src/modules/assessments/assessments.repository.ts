import type { Db } from '../../platform/db/database.ts';
import type { AssessmentQuestionnairesTable, IdeaAssessmentsTable } from '../../platform/db/schema.ts';

export type QuestionnaireRecord = AssessmentQuestionnairesTable;
export type AssessmentRecord = IdeaAssessmentsTable;

export interface MatrixFilter {
  categoryId?: string | undefined;
  teamId?: string | undefined;
  phase?: string | undefined;
  status?: string | undefined;
}

/** Questionnaire versions and idea assessments: the only Kysely of the assessments module. */
export function createAssessmentsRepository(db: Db) {
  // null is the default questionnaire's scope.
  const scoped = (categoryId: string | null, trx: Db) => {
    const q = trx.selectFrom('assessment_questionnaires').selectAll();
    return categoryId === null ? q.where('category_id', 'is', null) : q.where('category_id', '=', categoryId);
  };
  return {
    categoryExists: async (id: string, trx: Db = db) =>
      (await trx.selectFrom('idea_categories').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
    latestQuestionnaire: (categoryId: string | null, trx: Db = db) =>
      scoped(categoryId, trx).orderBy('version', 'desc').limit(1).executeTakeFirst(),
    questionnaireVersions: (categoryId: string | null, trx: Db = db) => scoped(categoryId, trx).orderBy('version', 'desc').execute(),
    questionnaire: (id: string, trx: Db = db) =>
      trx.selectFrom('assessment_questionnaires').selectAll().where('id', '=', id).executeTakeFirst(),
    /** The latest version of each scope (the default and each category with its own). */
    async latestPerScope(trx: Db = db) {
      const rows = await trx.selectFrom('assessment_questionnaires').selectAll().orderBy('version', 'desc').execute();
      const seen = new Set<string | null>();
      return rows.filter((r) => {
        if (seen.has(r.category_id)) return false;
        seen.add(r.category_id);
        return true;
      });
    },
    insertQuestionnaire: (row: QuestionnaireRecord, trx: Db = db) => trx.insertInto('assessment_questionnaires').values(row).execute(),

    find: (ideaId: string, trx: Db = db) => trx.selectFrom('idea_assessments').selectAll().where('idea_id', '=', ideaId).executeTakeFirst(),
    insert: (row: AssessmentRecord, trx: Db = db) => trx.insertInto('idea_assessments').values(row).execute(),
    /** Updates only the revision read before: 0 rows means someone saved meanwhile. */
    async update(row: AssessmentRecord, previousRevision: number, trx: Db = db): Promise<boolean> {
      const { idea_id, created_at: _created, ...set } = row;
      const res = await trx
        .updateTable('idea_assessments')
        .set(set)
        .where('idea_id', '=', idea_id)
        .where('revision', '=', previousRevision)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** The assessed ideas matching the Ideas table's filters, with the figures the chart needs. */
    matrix(filter: MatrixFilter, trx: Db = db) {
      let q = trx
        .selectFrom('idea_assessments as a')
        .innerJoin('ideas', 'ideas.id', 'a.idea_id')
        .innerJoin('idea_categories as c', 'c.id', 'ideas.category_id')
        .select([
          'ideas.id as ideaId',
          'ideas.name',
          'c.name as categoryName',
          'ideas.phase',
          'ideas.status',
          'a.ease',
          'a.ease_bucket as easeBucket',
          'a.net_value_per_year as netValuePerYear',
          'a.hours_saved_per_year as hoursSavedPerYear',
          'a.verdict',
        ]);
      if (filter.categoryId) q = q.where('ideas.category_id', '=', filter.categoryId);
      if (filter.teamId) q = q.where('ideas.team_id', '=', filter.teamId);
      if (filter.phase) q = q.where('ideas.phase', '=', filter.phase);
      if (filter.status) q = q.where('ideas.status', '=', filter.status);
      return q.orderBy('ideas.name').orderBy('ideas.id').execute();
    },
    /** How many ideas matching the filters have no assessment yet. */
    async notAssessed(filter: MatrixFilter, trx: Db = db): Promise<number> {
      let q = trx
        .selectFrom('ideas')
        .leftJoin('idea_assessments as a', 'a.idea_id', 'ideas.id')
        .where('a.idea_id', 'is', null)
        .select((eb) => eb.fn.countAll<string | number>().as('n'));
      if (filter.categoryId) q = q.where('ideas.category_id', '=', filter.categoryId);
      if (filter.teamId) q = q.where('ideas.team_id', '=', filter.teamId);
      if (filter.phase) q = q.where('ideas.phase', '=', filter.phase);
      if (filter.status) q = q.where('ideas.status', '=', filter.status);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
  };
}

export type AssessmentsRepository = ReturnType<typeof createAssessmentsRepository>;
