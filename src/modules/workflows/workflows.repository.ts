import type { Db } from '../../platform/db/database.ts';
import { containsIgnoreCase } from '../../platform/db/like.ts';
import type { WorkflowsTable, WorkflowVersionsTable } from '../../platform/db/schema.ts';

export type WorkflowRow = WorkflowsTable & { published_version: number | null };

export function createWorkflowsRepository(db: Db) {
  const withVersion = (q: Db = db) =>
    q
      .selectFrom('workflows')
      .leftJoin('workflow_versions', 'workflow_versions.id', 'workflows.published_version_id')
      .selectAll('workflows')
      .select('workflow_versions.version as published_version');

  return {
    find: (id: string, trx: Db = db): Promise<WorkflowRow | undefined> =>
      withVersion(trx).where('workflows.id', '=', id).executeTakeFirst(),

    findByWebhookPath: (path: string) =>
      db
        .selectFrom('workflows')
        .innerJoin('workflow_versions', 'workflow_versions.id', 'workflows.published_version_id')
        .select([
          'workflows.id as workflow_id',
          'workflows.status',
          'workflow_versions.id as version_id',
          'workflow_versions.definition_json',
        ])
        .where('workflows.webhook_path', '=', path)
        .executeTakeFirst(),

    list(
      filter: { q?: string | undefined; status?: string | undefined; teamId?: string | undefined },
      limit: number,
      after?: { name: string; id: string },
    ) {
      let q = withVersion();
      if (filter.teamId) q = q.where('workflows.team_id', '=', filter.teamId);
      if (filter.q) q = q.where(containsIgnoreCase('workflows.name', filter.q));
      if (filter.status) q = q.where('workflows.status', '=', filter.status);
      else q = q.where('workflows.status', '!=', 'archived');
      if (after) {
        q = q.where((eb) =>
          eb.or([
            eb('workflows.name', '>', after.name),
            eb.and([eb('workflows.name', '=', after.name), eb('workflows.id', '>', after.id)]),
          ]),
        );
      }
      return q.orderBy('workflows.name').orderBy('workflows.id').limit(limit).execute();
    },

    /** The newest run of each workflow in `ids`. */
    async lastRuns(ids: string[]): Promise<Map<string, { id: string; status: string; created_at: string }>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('runs as r')
        .select(['r.id', 'r.workflow_id', 'r.status', 'r.created_at'])
        .where('r.workflow_id', 'in', ids)
        .where('r.id', '=', (eb) =>
          eb
            .selectFrom('runs as r2')
            .select((e) => e.fn.max('r2.id').as('m'))
            .whereRef('r2.workflow_id', '=', 'r.workflow_id'),
        )
        .execute();
      return new Map(rows.map((r) => [r.workflow_id, r]));
    },

    teamExists: async (id: string, trx: Db = db) =>
      (await trx.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,

    insert: (row: WorkflowsTable, trx: Db = db) => trx.insertInto('workflows').values(row).execute(),

    update: (id: string, patch: Partial<WorkflowsTable>, trx: Db = db) =>
      trx.updateTable('workflows').set(patch).where('id', '=', id).execute(),

    insertVersion: (row: WorkflowVersionsTable, trx: Db = db) => trx.insertInto('workflow_versions').values(row).execute(),

    async nextVersion(workflowId: string, trx: Db = db): Promise<number> {
      const row = await trx
        .selectFrom('workflow_versions')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('workflow_id', '=', workflowId)
        .where('kind', '=', 'published')
        .executeTakeFirst();
      return Number(row?.v ?? 0) + 1;
    },

    listVersions: (workflowId: string) =>
      db
        .selectFrom('workflow_versions')
        .leftJoin('users', 'users.id', 'workflow_versions.created_by')
        .select([
          'workflow_versions.id',
          'workflow_versions.version',
          'workflow_versions.note',
          'workflow_versions.created_at',
          'users.name as created_by_name',
        ])
        .where('workflow_id', '=', workflowId)
        .where('kind', '=', 'published')
        .orderBy('version', 'desc')
        .execute(),

    findVersion: (workflowId: string, version: number) =>
      db
        .selectFrom('workflow_versions')
        .leftJoin('users', 'users.id', 'workflow_versions.created_by')
        .select([
          'workflow_versions.id',
          'workflow_versions.version',
          'workflow_versions.note',
          'workflow_versions.created_at',
          'workflow_versions.definition_json',
          'users.name as created_by_name',
        ])
        .where('workflow_id', '=', workflowId)
        .where('kind', '=', 'published')
        .where('version', '=', version)
        .executeTakeFirst(),
  };
}

export type WorkflowsRepository = ReturnType<typeof createWorkflowsRepository>;
