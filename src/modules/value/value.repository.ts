import type { Db } from '../../platform/db/database.ts';
import type { IdeaValueSettingsTable } from '../../platform/db/schema.ts';

export interface ValueIdeaFilter {
  ids?: readonly string[];
  categoryId?: string | undefined;
  teamId?: string | undefined;
  phase?: string;
}

const ENDED = ['succeeded', 'failed', 'cancelled'];

/**
 * Measured value: reads ideas with their assessment figures and value settings, the workflows
 * linked to them, those workflows' ended runs and the tasks of those runs (the engine's and the
 * tasks module's tables, never written here); writes the value settings and the answers to the
 * personal prompt.
 */
export function createValueRepository(db: Db) {
  return {
    /** Ideas with their assessment figures and value settings (left joins: either may be missing). */
    ideas(filter: ValueIdeaFilter) {
      let q = db
        .selectFrom('ideas')
        .leftJoin('idea_assessments as a', 'a.idea_id', 'ideas.id')
        .leftJoin('idea_value_settings as s', 's.idea_id', 'ideas.id')
        .select([
          'ideas.id',
          'ideas.name',
          'ideas.category_id',
          'ideas.team_id',
          'ideas.submitter_id',
          'ideas.builder_id',
          'ideas.phase',
          'ideas.status',
          'ideas.frequency_period',
          'ideas.frequency_count',
          'ideas.minutes_per_case',
          'ideas.created_at',
          'a.net_value_per_year',
          'a.hours_saved_per_year',
          'a.minutes_saved_per_run as assessed_minutes_per_run',
          'a.hourly_cost as assessed_hourly_cost',
          's.kind',
          's.minutes_saved_per_run',
          's.hourly_cost',
          's.prompt_every_days',
          's.last_prompted_at',
        ]);
      if (filter.ids) {
        if (filter.ids.length === 0) return Promise.resolve([]);
        q = q.where('ideas.id', 'in', [...filter.ids]);
      }
      if (filter.categoryId) q = q.where('ideas.category_id', '=', filter.categoryId);
      if (filter.teamId) q = q.where('ideas.team_id', '=', filter.teamId);
      if (filter.phase) q = q.where('ideas.phase', '=', filter.phase);
      return q.orderBy('ideas.name').orderBy('ideas.id').execute();
    },

    /** When each idea last went live (its newest transition into the live phase). */
    liveSince(ideaIds: readonly string[]) {
      if (ideaIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('idea_transitions')
        .select(['idea_id', (eb) => eb.fn.max('created_at').as('at')])
        .where('to_phase', '=', 'live')
        .where('from_phase', '!=', 'live')
        .where('idea_id', 'in', [...ideaIds])
        .groupBy('idea_id')
        .execute();
    },

    links(ideaIds: readonly string[]) {
      if (ideaIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('idea_workflows')
        .select(['idea_id', 'workflow_id'])
        .where('idea_id', 'in', [...ideaIds])
        .execute();
    },

    /** Runs of these workflows that ended in [from, to). */
    runs(workflowIds: readonly string[], from: string, to: string) {
      if (workflowIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('runs')
        .select(['id', 'workflow_id', 'status', 'finished_at'])
        .where('workflow_id', 'in', [...workflowIds])
        .where('status', 'in', ENDED)
        .where('finished_at', '>=', from)
        .where('finished_at', '<', to)
        .execute();
    },

    /** The tasks of those same runs (one query: the run filter is a subquery). */
    tasks(workflowIds: readonly string[], from: string, to: string) {
      if (workflowIds.length === 0) return Promise.resolve([]);
      return (
        db
          .selectFrom('tasks')
          .select(['tasks.id', 'run_id', 'kind', 'status', 'claimed_at', 'closed_at'])
          // The minutes the deciders said they spent (null when none said).
          .select((eb) =>
            eb
              .selectFrom('task_decisions')
              .select((d) => d.fn.sum<string | number | null>('task_decisions.minutes_spent').as('spent'))
              .whereRef('task_decisions.task_id', '=', 'tasks.id')
              .as('spent_minutes'),
          )
          .where('run_id', 'in', (eb) =>
            eb
              .selectFrom('runs')
              .select('runs.id')
              .where('runs.workflow_id', 'in', [...workflowIds])
              .where('runs.status', 'in', ENDED)
              .where('runs.finished_at', '>=', from)
              .where('runs.finished_at', '<', to),
          )
          .execute()
      );
    },

    answers(ideaIds: readonly string[], from: string, to: string) {
      if (ideaIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('idea_minutes_answers')
        .select(['idea_id', 'user_id', 'minutes_per_week', 'answered_at'])
        .where('idea_id', 'in', [...ideaIds])
        .where('answered_at', '>=', from)
        .where('answered_at', '<', to)
        .orderBy('answered_at')
        .execute();
    },

    insertAnswer: (row: { id: string; idea_id: string; user_id: string; minutes_per_week: number; answered_at: string }, trx: Db = db) =>
      trx.insertInto('idea_minutes_answers').values(row).execute(),

    settings: (ideaId: string, trx: Db = db) =>
      trx.selectFrom('idea_value_settings').selectAll().where('idea_id', '=', ideaId).executeTakeFirst(),

    async saveSettings(row: IdeaValueSettingsTable, trx: Db = db): Promise<void> {
      const { idea_id, ...rest } = row;
      await trx
        .insertInto('idea_value_settings')
        .values(row)
        .onConflict((oc) => oc.column('idea_id').doUpdateSet(rest))
        .execute();
    },

    /** Live personal automations whose prompt is due: never asked, or asked `prompt_every_days` ago or more. */
    async duePrompts(now: string) {
      const rows = await db
        .selectFrom('idea_value_settings as s')
        .innerJoin('ideas', 'ideas.id', 's.idea_id')
        .select(['s.idea_id', 'ideas.name', 'ideas.builder_id', 's.prompt_every_days', 's.last_prompted_at'])
        .where('s.kind', '=', 'personal')
        .where('ideas.phase', '=', 'live')
        .execute();
      const at = Date.parse(now);
      return rows.filter((r) => r.last_prompted_at === null || Date.parse(r.last_prompted_at) + r.prompt_every_days * 86_400_000 <= at);
    },

    /** Marks a prompt sent, unless another process did since it was read (compare-and-set on the old value). */
    async markPrompted(ideaId: string, previous: string | null, now: string, trx: Db = db): Promise<boolean> {
      let q = trx.updateTable('idea_value_settings').set({ last_prompted_at: now }).where('idea_id', '=', ideaId);
      q = previous === null ? q.where('last_prompted_at', 'is', null) : q.where('last_prompted_at', '=', previous);
      const res = await q.executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    supporters: (ideaId: string, trx: Db = db) =>
      trx.selectFrom('idea_supporters').select('user_id').where('idea_id', '=', ideaId).execute(),

    userNames(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute();
    },
    teams: () => db.selectFrom('teams').select(['id', 'name']).execute(),
    categories: () => db.selectFrom('idea_categories').select(['id', 'name']).execute(),
    team: (id: string) => db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst(),
    category: (id: string) => db.selectFrom('idea_categories').select('id').where('id', '=', id).executeTakeFirst(),
    /** Ideas (id, phase, team, people, dates) for the dashboard's counts, velocity and contributors. */
    dashboardIdeas(filter: { categoryId?: string | undefined; teamId?: string | undefined }) {
      let q = db.selectFrom('ideas').select(['id', 'phase', 'team_id', 'submitter_id', 'builder_id', 'created_at']);
      if (filter.categoryId) q = q.where('category_id', '=', filter.categoryId);
      if (filter.teamId) q = q.where('team_id', '=', filter.teamId);
      return q.execute();
    },
  };
}

export type ValueRepository = ReturnType<typeof createValueRepository>;
