import { type Selectable, sql } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database.ts';
import type { TaskAssigneesTable, TaskDecisionsTable, TasksTable } from '../../platform/db/schema.ts';

export type TaskRow = Selectable<TasksTable>;
export type AssigneeRow = Selectable<TaskAssigneesTable>;
export type DecisionRow = Selectable<TaskDecisionsTable>;
export type TaskListRow = TaskRow & { sort_at: string; workflow_name: string | null };

export interface InboxFilter {
  open: boolean;
  kind?: string | undefined;
  status?: string | undefined;
  /** Range on sort_at. */
  lt?: string | undefined;
  eq?: string | undefined;
}

export interface Keyset {
  sortAt: string;
  id: string;
}

/** The only code that touches the task tables (tasks, assignees, decisions). */
export function createTasksRepository(db: Db, dialect: Dialect) {
  return {
    async insert(row: TaskRow, assignees: AssigneeRow[], trx: Db = db): Promise<void> {
      await trx.insertInto('tasks').values(row).execute();
      if (assignees.length > 0) await trx.insertInto('task_assignees').values(assignees).execute();
    },

    find: (id: string, trx: Db = db) => trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst(),

    /** The task locked for this transaction (PostgreSQL; SQLite has one writer). `skipLocked`: none when another holds it. */
    lock(id: string, trx: Db, options: { skipLocked?: boolean } = {}) {
      let q = trx.selectFrom('tasks').selectAll().where('id', '=', id);
      if (dialect === 'postgres') q = options.skipLocked ? q.forUpdate().skipLocked() : q.forUpdate();
      return q.executeTakeFirst();
    },

    findBySourceKey: (key: string, trx: Db = db) => trx.selectFrom('tasks').selectAll().where('source_key', '=', key).executeTakeFirst(),

    async update(id: string, patch: Partial<TaskRow>, trx: Db = db): Promise<void> {
      await trx.updateTable('tasks').set(patch).where('id', '=', id).execute();
    },

    assigneesOf: (taskId: string, trx: Db = db) =>
      trx.selectFrom('task_assignees').selectAll().where('task_id', '=', taskId).orderBy('principal').execute(),

    /** Every assignee row of a task follows its state: open flag and order key. */
    async syncAssignees(taskId: string, open: boolean, sortAt: string, trx: Db = db): Promise<void> {
      await trx
        .updateTable('task_assignees')
        .set({ open: open ? 1 : 0, sort_at: sortAt })
        .where('task_id', '=', taskId)
        .execute();
    },

    async addAssignees(rows: AssigneeRow[], trx: Db = db): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('task_assignees')
        .values(rows)
        .onConflict((oc) => oc.columns(['task_id', 'principal']).doNothing())
        .execute();
    },

    async removeAssignees(taskId: string, reasons: string[], trx: Db = db): Promise<void> {
      await trx.deleteFrom('task_assignees').where('task_id', '=', taskId).where('reason', 'in', reasons).execute();
    },

    decisionsOf: (taskId: string, trx: Db = db) =>
      trx.selectFrom('task_decisions').selectAll().where('task_id', '=', taskId).orderBy('decided_at').orderBy('id').execute(),

    async insertDecision(row: DecisionRow, trx: Db = db): Promise<void> {
      await trx.insertInto('task_decisions').values(row).execute();
    },

    /**
     * One page of one principal's tasks in inbox order — an index range scan on
     * (principal, open, sort_at, task_id) that stops after `limit` rows, however many tasks
     * are open. The service merges the pages of a person's few principals.
     */
    inboxPage(principal: string, filter: InboxFilter, after: Keyset | undefined, limit: number, trx: Db = db): Promise<TaskListRow[]> {
      const desc = !filter.open;
      let q = trx
        .selectFrom('task_assignees as a')
        .innerJoin('tasks as t', 't.id', 'a.task_id')
        .leftJoin('workflows as w', 'w.id', 't.workflow_id')
        .selectAll('t')
        .select(['a.sort_at', 'w.name as workflow_name'])
        .where('a.principal', '=', principal)
        .where('a.open', '=', filter.open ? 1 : 0);
      if (filter.kind) q = q.where('a.kind', '=', filter.kind);
      if (filter.status) q = q.where('t.status', '=', filter.status);
      if (filter.lt) q = q.where('a.sort_at', '<', filter.lt);
      if (filter.eq) q = q.where('a.sort_at', '=', filter.eq);
      if (after) {
        const op = desc ? '<' : '>';
        q = q.where((eb) =>
          eb.or([eb('a.sort_at', op, after.sortAt), eb.and([eb('a.sort_at', '=', after.sortAt), eb('a.task_id', op, after.id)])]),
        );
      }
      const dir = desc ? 'desc' : 'asc';
      return q.orderBy('a.sort_at', dir).orderBy('a.task_id', dir).limit(limit).execute();
    },

    /**
     * Counts of open tasks over a person's principals — in all, through `mine`, overdue at
     * `now`, per kind — each task once even when it reaches the person through several
     * principals: one pass over the covering index ranges, grouped by task, then summed.
     * (Measured on 1,000,000 open tasks, a person with 13,000 of them: ~15 ms on SQLite.)
     */
    async counts(principals: string[], mine: string[], now: string, trx: Db = db) {
      if (principals.length === 0) return { total: 0, mine: 0, overdue: 0, approval: 0, form: 0, task: 0, exception: 0 };
      const perTask = trx
        .selectFrom('task_assignees')
        .select([
          'task_id',
          (mine.length > 0 ? sql<number>`max(case when principal in (${sql.join(mine)}) then 1 else 0 end)` : sql<number>`0`).as('m'),
          sql<string>`min(sort_at)`.as('s'),
          sql<string>`min(kind)`.as('k'),
        ])
        .where('principal', 'in', principals)
        .where('open', '=', 1)
        .groupBy('task_id')
        .as('x');
      const kindSum = (kind: string) => sql<string | number>`sum(case when k = ${kind} then 1 else 0 end)`;
      const row = await trx
        .selectFrom(perTask)
        .select([
          sql<string | number>`count(*)`.as('total'),
          sql<string | number>`sum(m)`.as('mine'),
          sql<string | number>`sum(case when s < ${now} then 1 else 0 end)`.as('overdue'),
          kindSum('approval').as('approval'),
          kindSum('form').as('form'),
          kindSum('task').as('task'),
          kindSum('exception').as('exception'),
        ])
        .executeTakeFirstOrThrow();
      const n = (v: unknown) => Number(v ?? 0);
      return {
        total: n(row.total),
        mine: n(row.mine),
        overdue: n(row.overdue),
        approval: n(row.approval),
        form: n(row.form),
        task: n(row.task),
        exception: n(row.exception),
      };
    },

    /** Every task (managers), newest first, by status and optionally by team. */
    allPage(
      filter: { statuses: string[]; kind?: string | undefined; teamIds?: string[] | undefined },
      beforeId: string | undefined,
      limit: number,
      trx: Db = db,
    ): Promise<TaskListRow[]> {
      let q = trx
        .selectFrom('tasks as t')
        .leftJoin('workflows as w', 'w.id', 't.workflow_id')
        .selectAll('t')
        .select((eb) => [eb.val('').as('sort_at'), 'w.name as workflow_name'])
        .where('t.status', 'in', filter.statuses);
      if (filter.kind) q = q.where('t.kind', '=', filter.kind);
      if (filter.teamIds) q = q.where('t.team_id', 'in', filter.teamIds.length > 0 ? filter.teamIds : ['']);
      if (beforeId) q = q.where('t.id', '<', beforeId);
      return q.orderBy('t.id', 'desc').limit(limit).execute() as Promise<TaskListRow[]>;
    },

    /** Tasks the scheduler must look at now (expiry, SLA, a decision to deliver again). */
    async dueForCheck(now: string, limit: number, trx: Db = db): Promise<string[]> {
      const rows = await trx
        .selectFrom('tasks')
        .select('id')
        .where('next_check_at', '<=', now)
        .orderBy('next_check_at')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    openOfRun: (runId: string, trx: Db = db) =>
      trx.selectFrom('tasks').selectAll().where('run_id', '=', runId).where('status', 'in', ['open', 'claimed']).execute(),

    /** Who started the run and which team its workflow belongs to. */
    runContext: (runId: string, trx: Db = db) =>
      trx
        .selectFrom('runs')
        .innerJoin('workflows', 'workflows.id', 'runs.workflow_id')
        .select(['runs.started_by', 'runs.status', 'workflows.team_id', 'workflows.name as workflow_name'])
        .where('runs.id', '=', runId)
        .executeTakeFirst(),

    workflowName: async (id: string | null, trx: Db = db) =>
      id ? ((await trx.selectFrom('workflows').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null) : null,
  };
}

export type TasksRepository = ReturnType<typeof createTasksRepository>;
