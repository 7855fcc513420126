import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { containsIgnoreCase, containsPattern } from '../../platform/db/like.ts';
import type { TemplateReviewsTable, TemplatesTable, TemplateUsesTable, TemplateVersionsTable } from '../../platform/db/schema.ts';

export type TemplateSort = 'newest' | 'uses' | 'rating';

export interface TemplateFilter {
  q?: string | undefined;
  categoryId?: string | undefined;
  tag?: string | undefined;
  authorId?: string | undefined;
  ideaId?: string | undefined;
  includeArchived?: boolean | undefined;
  sort: TemplateSort;
}

/** Average stars ×100 as an integer, 0 without ratings: one sortable key on both dialects. */
const ratingKey = sql<number>`case when templates.rating_count = 0 then 0 else (templates.rating_sum * 100) / templates.rating_count end`;

/** Templates, their versions, uses and reviews: the only Kysely of the templates module. */
export function createTemplatesRepository(db: Db) {
  const withNames = (q: Db = db) =>
    q
      .selectFrom('templates')
      .leftJoin('users as author', 'author.id', 'templates.author_id')
      .leftJoin('idea_categories as category', 'category.id', 'templates.category_id')
      .selectAll('templates')
      .select(['author.name as author_name', 'category.name as category_name']);

  return {
    find: (id: string, trx: Db = db) => withNames(trx).where('templates.id', '=', id).executeTakeFirst(),

    /** The author's template made from this workflow that is still active (re-publishing adds a version to it). */
    findActiveBySource: (workflowId: string, authorId: string, trx: Db = db) =>
      trx
        .selectFrom('templates')
        .selectAll()
        .where('source_workflow_id', '=', workflowId)
        .where('author_id', '=', authorId)
        .where('status', '=', 'active')
        .executeTakeFirst(),

    /** One page (offset paging: the gallery sorts by counters that move). */
    list(filter: TemplateFilter, limit: number, offset: number) {
      let q = withNames();
      if (!filter.includeArchived) q = q.where('templates.status', '=', 'active');
      if (filter.categoryId) q = q.where('templates.category_id', '=', filter.categoryId);
      if (filter.authorId) q = q.where('templates.author_id', '=', filter.authorId);
      if (filter.ideaId) q = q.where('templates.source_idea_id', '=', filter.ideaId);
      if (filter.tag) q = q.where(sql<boolean>`templates.tags_json like ${containsPattern(`"${filter.tag}"`)} escape '\\'`);
      if (filter.q) {
        const text = filter.q;
        q = q.where((eb) =>
          eb.or([
            containsIgnoreCase('templates.name', text),
            containsIgnoreCase('templates.summary', text),
            containsIgnoreCase('templates.tags_json', text),
          ]),
        );
      }
      if (filter.sort === 'uses') q = q.orderBy('templates.use_count', 'desc');
      else if (filter.sort === 'rating') q = q.orderBy(ratingKey, 'desc').orderBy('templates.rating_count', 'desc');
      return q.orderBy('templates.created_at', 'desc').orderBy('templates.id', 'desc').limit(limit).offset(offset).execute();
    },

    insert: (row: Insertable<TemplatesTable>, trx: Db) => trx.insertInto('templates').values(row).execute(),
    update: (id: string, set: Updateable<TemplatesTable>, trx: Db) => trx.updateTable('templates').set(set).where('id', '=', id).execute(),
    bump: (id: string, delta: { uses?: number; ratingSum?: number; ratingCount?: number }, trx: Db) =>
      trx
        .updateTable('templates')
        .set((eb) => ({
          use_count: eb('use_count', '+', delta.uses ?? 0),
          rating_sum: eb('rating_sum', '+', delta.ratingSum ?? 0),
          rating_count: eb('rating_count', '+', delta.ratingCount ?? 0),
        }))
        .where('id', '=', id)
        .execute(),

    insertVersion: (row: Insertable<TemplateVersionsTable>, trx: Db) => trx.insertInto('template_versions').values(row).execute(),
    version: (templateId: string, version: number, trx: Db = db) =>
      trx
        .selectFrom('template_versions')
        .selectAll()
        .where('template_id', '=', templateId)
        .where('version', '=', version)
        .executeTakeFirst(),
    versions: (templateId: string) =>
      db
        .selectFrom('template_versions')
        .leftJoin('users', 'users.id', 'template_versions.created_by')
        .select([
          'template_versions.version',
          'template_versions.note',
          'template_versions.workflow_version',
          'template_versions.created_at',
          'users.name as created_by_name',
        ])
        .where('template_versions.template_id', '=', templateId)
        .orderBy('template_versions.version', 'desc')
        .execute(),

    insertUse: (row: Insertable<TemplateUsesTable>, trx: Db) => trx.insertInto('template_uses').values(row).execute(),

    /** Uses credited to each author between `from` (inclusive) and `to` (exclusive), most first. */
    reuseByAuthor: (from: string | undefined, to: string | undefined) => {
      let q = db
        .selectFrom('template_uses')
        .leftJoin('users', 'users.id', 'template_uses.author_id')
        .select((eb) => [
          'template_uses.author_id',
          'users.name as author_name',
          eb.fn.countAll<string | number>().as('uses'),
          eb.fn.count<string | number>(eb.fn('distinct', ['template_uses.template_id'])).as('templates'),
        ])
        // your own use of your own template is not reuse
        .whereRef('template_uses.user_id', '!=', 'template_uses.author_id');
      if (from) q = q.where('template_uses.created_at', '>=', from);
      if (to) q = q.where('template_uses.created_at', '<', to);
      return q.groupBy(['template_uses.author_id', 'users.name']).orderBy('uses', 'desc').orderBy('template_uses.author_id').execute();
    },

    review: (templateId: string, userId: string, trx: Db = db) =>
      trx.selectFrom('template_reviews').selectAll().where('template_id', '=', templateId).where('user_id', '=', userId).executeTakeFirst(),
    reviews: (templateId: string) =>
      db
        .selectFrom('template_reviews')
        .leftJoin('users', 'users.id', 'template_reviews.user_id')
        .selectAll('template_reviews')
        .select('users.name as user_name')
        .where('template_reviews.template_id', '=', templateId)
        .orderBy('template_reviews.updated_at', 'desc')
        .orderBy('template_reviews.user_id')
        .execute(),
    insertReview: (row: Insertable<TemplateReviewsTable>, trx: Db) => trx.insertInto('template_reviews').values(row).execute(),
    updateReview: (templateId: string, userId: string, set: { stars: number; text: string; updated_at: string }, trx: Db) =>
      trx.updateTable('template_reviews').set(set).where('template_id', '=', templateId).where('user_id', '=', userId).execute(),
    deleteReview: (templateId: string, userId: string, trx: Db) =>
      trx.deleteFrom('template_reviews').where('template_id', '=', templateId).where('user_id', '=', userId).execute(),

    categoryExists: async (id: string, trx: Db = db) =>
      (await trx.selectFrom('idea_categories').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
    /** The idea a workflow builds (the earliest link), if any. */
    ideaOfWorkflow: async (workflowId: string, trx: Db = db) =>
      (
        await trx
          .selectFrom('idea_workflows')
          .select('idea_id')
          .where('workflow_id', '=', workflowId)
          .orderBy('created_at')
          .limit(1)
          .executeTakeFirst()
      )?.idea_id ?? null,
    ideaNames: async (ids: string[]) =>
      ids.length === 0 ? [] : db.selectFrom('ideas').select(['id', 'name']).where('id', 'in', ids).execute(),
  };
}

export type TemplatesRepository = ReturnType<typeof createTemplatesRepository>;
export type TemplateRecord = NonNullable<Awaited<ReturnType<TemplatesRepository['find']>>>;
