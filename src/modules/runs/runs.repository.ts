import type { Db } from '../../platform/db/database.ts';

export function createRunsRepository(db: Db) {
  const base = () =>
    db
      .selectFrom('runs')
      .innerJoin('workflows', 'workflows.id', 'runs.workflow_id')
      .innerJoin('workflow_versions', 'workflow_versions.id', 'runs.version_id')
      .selectAll('runs')
      .select([
        'workflows.name as workflow_name',
        'workflow_versions.version as version',
        'workflow_versions.definition_json as definition_json',
      ]);

  return {
    find: (id: string) => base().where('runs.id', '=', id).executeTakeFirst(),

    /** Newest first (ids are time-ordered UUIDv7). */
    list(filter: { workflowId?: string | undefined; status?: string | undefined }, limit: number, before?: string) {
      let q = base();
      if (filter.workflowId) q = q.where('runs.workflow_id', '=', filter.workflowId);
      if (filter.status) q = q.where('runs.status', '=', filter.status);
      if (before) q = q.where('runs.id', '<', before);
      return q.orderBy('runs.id', 'desc').limit(limit).execute();
    },

    steps: (runId: string) => db.selectFrom('run_steps').selectAll().where('run_id', '=', runId).orderBy('seq').execute(),

    blob: async (id: string) => (await db.selectFrom('run_blobs').select('data').where('id', '=', id).executeTakeFirst())?.data ?? null,

    /** Facts of a workflow's runs since `since` (for statistics). */
    facts: (workflowId: string, since: string) =>
      db
        .selectFrom('runs')
        .select(['status', 'created_at', 'started_at', 'finished_at'])
        .where('workflow_id', '=', workflowId)
        .where('created_at', '>=', since)
        .orderBy('id', 'desc')
        .limit(50_000)
        .execute(),

    stepFacts: (workflowId: string, since: string) =>
      db
        .selectFrom('run_steps')
        .innerJoin('runs', 'runs.id', 'run_steps.run_id')
        .select((eb) => [
          'run_steps.node_id',
          eb.fn.countAll<number>().as('n'),
          eb.fn.sum<number>(eb.case().when('run_steps.status', '=', 'failed').then(1).else(0).end()).as('failures'),
          eb.fn.avg<number>('run_steps.active_ms').as('avg_ms'),
        ])
        .where('runs.workflow_id', '=', workflowId)
        .where('runs.created_at', '>=', since)
        .where('run_steps.status', '!=', 'skipped')
        .groupBy('run_steps.node_id')
        .execute(),
  };
}
