import type { Db } from '../../platform/db/database.ts';

/**
 * Read-only: a workflow's run history as the rows of an event log — one per finished step
 * (skipped ones left out), with the person who closed the step's task, if any. It reads the
 * engine's and the tasks module's tables and never writes them.
 */
export function createRunHistoryRepository(db: Db) {
  return {
    workflow: (id: string) => db.selectFrom('workflows').select(['id', 'name']).where('id', '=', id).executeTakeFirst(),

    /** Node id → name from the workflow's versions, newest first (a node keeps its newest name). */
    versions: (workflowId: string) =>
      db
        .selectFrom('workflow_versions')
        .select(['definition_json'])
        .where('workflow_id', '=', workflowId)
        .orderBy('version', 'desc')
        .execute(),

    /** Finished step rows of the workflow's runs created since `since` (oldest runs first, steps in order), at most `limit`. */
    steps: (workflowId: string, since: string, limit: number) =>
      db
        .selectFrom('run_steps as s')
        .innerJoin('runs as r', 'r.id', 's.run_id')
        .select([
          's.run_id',
          's.node_id',
          's.started_at',
          's.finished_at',
          // The person who last closed a task of this step (an exception retried twice has two).
          (eb) =>
            eb
              .selectFrom('tasks as t')
              .innerJoin('users as u', 'u.id', 't.closed_by')
              .select('u.name')
              .whereRef('t.run_id', '=', 's.run_id')
              .whereRef('t.node_id', '=', 's.node_id')
              .whereRef('t.item_key', '=', 's.item_key')
              .where('t.status', '=', 'done')
              .orderBy('t.closed_at', 'desc')
              .limit(1)
              .as('person'),
        ])
        .where('r.workflow_id', '=', workflowId)
        .where('r.created_at', '>=', since)
        .where('s.status', '!=', 'skipped')
        .where('s.finished_at', 'is not', null)
        .orderBy('s.run_id')
        .orderBy('s.seq')
        .limit(limit)
        .execute(),
  };
}
