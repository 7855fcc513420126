import { type Kysely, sql } from 'kysely';

/**
 * People in the loop: tasks (approvals, forms, to-dos, exceptions) with their assignees,
 * decisions and out-of-office delegations, and the notification outbox.
 *
 * The inbox reads `task_assignees` only: one row per (task, principal) where a principal is
 * `u:<user>`, `t:<team>`, `m:<team>` (its managers), `r:<role>` or `r:<role>@<team>`. The index
 * (principal, open, sort_at, task_id, kind) answers "my open tasks, soonest due first" and the
 * counts by range scans over the caller's few principals, however many tasks are open in all.
 * The scheduler reads `tasks.next_check_at` (the earliest SLA, expiry or retry moment).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // approval | form | task | exception
    .addColumn('kind', 'text', (c) => c.notNull())
    // open | claimed | done | expired | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('workflow_id', 'text')
    .addColumn('run_id', 'text')
    .addColumn('node_id', 'text')
    .addColumn('item_key', 'text', (c) => c.notNull().defaultTo(''))
    // The step (and attempt) that opened it: a step executed again after a crash finds its task.
    .addColumn('source_key', 'text')
    .addColumn('team_id', 'text')
    // any | all | n_of_m
    .addColumn('policy', 'text', (c) => c.notNull().defaultTo('any'))
    .addColumn('required_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('eligible_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('eligible_json', 'text')
    .addColumn('bar_initiator', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('initiator_id', 'text')
    .addColumn('form_json', 'text')
    .addColumn('context_json', 'text')
    .addColumn('outcome', 'text')
    .addColumn('result_json', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('on_timeout', 'text')
    .addColumn('escalate_json', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('next_check_at', 'text')
    // 1 while the decision has not yet reached the waiting step (the scheduler retries it).
    .addColumn('signal_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema
    .createIndex('tasks_source_key_idx')
    .on('tasks')
    .column('source_key')
    .unique()
    .where(sql.ref('source_key'), 'is not', null)
    .execute();
  await db.schema.createIndex('tasks_run_idx').on('tasks').columns(['run_id', 'status']).execute();
  await db.schema.createIndex('tasks_status_idx').on('tasks').columns(['status', 'id']).execute();
  await db.schema
    .createIndex('tasks_next_check_idx')
    .on('tasks')
    .column('next_check_at')
    .where(sql.ref('next_check_at'), 'is not', null)
    .execute();

  await db.schema
    .createTable('task_assignees')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('principal', 'text', (c) => c.notNull())
    // assigned | escalated | reassigned | claimed
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The task's due time, or 9999-12-31… when it has none (so undated tasks sort last).
    .addColumn('sort_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_assignees_pk', ['task_id', 'principal'])
    .execute();
  await db.schema
    .createIndex('task_assignees_inbox_idx')
    .on('task_assignees')
    // kind last: the counts per kind read the index alone.
    .columns(['principal', 'open', 'sort_at', 'task_id', 'kind'])
    .execute();

  await db.schema
    .createTable('task_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    // Whose vote it is (a delegate votes for the person away); 'system' for a timeout.
    .addColumn('decider_id', 'text', (c) => c.notNull())
    // Who clicked (the delegate, or the decider).
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data_json', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  // One vote per person per task: approving twice is refused by the database too.
  await db.schema.createIndex('task_decisions_unique_idx').on('task_decisions').columns(['task_id', 'decider_id']).unique().execute();

  await db.schema
    .createTable('task_delegations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('delegate_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('task_delegations_delegate_idx').on('task_delegations').columns(['delegate_id', 'ends_at']).execute();
  await db.schema.createIndex('task_delegations_user_idx').on('task_delegations').columns(['user_id', 'ends_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // email (chat and in-app follow)
    .addColumn('channel', 'text', (c) => c.notNull())
    // notify (a Notify step) | task.escalated | …
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addColumn('run_id', 'text')
    .addColumn('credential_id', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    // pending | sent | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_due_idx')
    .on('notifications')
    .column('next_attempt_at')
    .where(sql.ref('next_attempt_at'), 'is not', null)
    .execute();
  await db.schema.createIndex('notifications_run_idx').on('notifications').column('run_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['notifications', 'task_delegations', 'task_decisions', 'task_assignees', 'tasks']) {
    await db.schema.dropTable(table).execute();
  }
}
