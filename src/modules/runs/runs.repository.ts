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

    /** Facts of a workflow's runs since `since` (for statistics), newest first. */
    facts: (workflowId: string, since: string, limit: number) =>
      db
        .selectFrom('runs')
        .select(['id', 'version_id', 'status', 'created_at', 'started_at', 'finished_at', 'active_ms'])
        .where('workflow_id', '=', workflowId)
        .where('created_at', '>=', since)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),

    /** Timing facts of the steps of a workflow's runs since `since` (skipped steps left out). */
    stepFacts: (workflowId: string, since: string, limit: number) =>
      db
        .selectFrom('run_steps')
        .innerJoin('runs', 'runs.id', 'run_steps.run_id')
        .select([
          'run_steps.run_id',
          'run_steps.node_id',
          'run_steps.status',
          'run_steps.attempt',
          'run_steps.started_at',
          'run_steps.finished_at',
          'run_steps.active_ms',
        ])
        .where('runs.workflow_id', '=', workflowId)
        .where('runs.created_at', '>=', since)
        .where('run_steps.status', '!=', 'skipped')
        .orderBy('run_steps.run_id', 'desc')
        .limit(limit)
        .execute(),

    /** The definitions of some versions (statistics name steps and find their types). */
    definitions: async (versionIds: readonly string[]) =>
      versionIds.length === 0
        ? []
        : db
            .selectFrom('workflow_versions')
            .select(['id', 'version', 'definition_json'])
            .where('id', 'in', [...versionIds])
            .orderBy('version', 'desc')
            .execute(),

    workflowExists: async (id: string) =>
      (await db.selectFrom('workflows').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
  };
}
