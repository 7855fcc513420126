import type { Kysely } from 'kysely';

/**
 * Tasks reach people where they are: `task_links` holds the one-click links of task e-mails
 * (a SHA-256 of each random token, never the token; bound to task, action and recipient;
 * expiring; used once). Tasks learn reminders (`remind_every_ms`, at most `remind_max`,
 * `reminders_sent` so far, the next at `next_remind_at`), and outbox rows an HTML body.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    // approve | reject | open
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_links_task_user_idx').on('task_links').columns(['task_id', 'user_id']).execute();

  await db.schema.alterTable('tasks').addColumn('remind_every_ms', 'integer').execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('remind_max', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('reminders_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('tasks').addColumn('next_remind_at', 'text').execute();

  await db.schema.alterTable('notifications').addColumn('html', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('html').execute();
  for (const column of ['next_remind_at', 'reminders_sent', 'remind_max', 'remind_every_ms']) {
    await db.schema.alterTable('tasks').dropColumn(column).execute();
  }
  await db.schema.dropTable('task_links').execute();
}
