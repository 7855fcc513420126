import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * Read-only facts for the symbiosis view: runs (with their executed step rows counted), the
 * tasks people were handed, and which workflows are in scope. It reads the engine's and the
 * tasks module's tables and never writes them.
 */
export function createSymbiosisRepository(db: Db) {
  return {
    /** Workflows in scope: one, a team's, or all; with their name and team. */
    workflows(scope: { workflowId?: string | undefined; teamId?: string | undefined }) {
      let q = db.selectFrom('workflows').select(['id', 'name', 'team_id']);
      if (scope.workflowId) q = q.where('id', '=', scope.workflowId);
      if (scope.teamId) q = q.where('team_id', '=', scope.teamId);
      return q.orderBy('name').execute();
    },

    /** Runs of these workflows created since `since`, newest first, each with its executed step rows counted. */
    runs(workflowIds: readonly string[], since: string, limit: number) {
      if (workflowIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('runs')
        .select([
          'runs.id',
          'runs.workflow_id',
          'runs.status',
          'runs.created_at',
          'runs.started_at',
          'runs.finished_at',
          'runs.active_ms',
          (eb) =>
            eb
              .selectFrom('run_steps')
              .select(sql<number>`count(*)`.as('n'))
              .whereRef('run_steps.run_id', '=', 'runs.id')
              .where('run_steps.status', '!=', 'skipped')
              .as('steps'),
        ])
        .where('runs.workflow_id', 'in', [...workflowIds])
        .where('runs.created_at', '>=', since)
        .orderBy('runs.id', 'desc')
        .limit(limit)
        .execute();
    },

    /** Tasks of these workflows' runs opened since `since`, newest first. */
    tasks(workflowIds: readonly string[], since: string, limit: number) {
      if (workflowIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('tasks')
        .select(['run_id', 'workflow_id', 'kind', 'status', 'created_at', 'closed_at', 'due_at'])
        .where('workflow_id', 'in', [...workflowIds])
        .where('created_at', '>=', since)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    team: (id: string) => db.selectFrom('teams').select(['id', 'name']).where('id', '=', id).executeTakeFirst(),
  };
}

export type SymbiosisRepository = ReturnType<typeof createSymbiosisRepository>;
