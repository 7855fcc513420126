import type { Kysely } from 'kysely';

/**
 * Measured value: per-idea value settings (the minutes one successful run saves and the hourly
 * cost when someone adjusted them, whether the automation serves a process or one person's own
 * productivity, how often its people are asked "minutes saved per week?"), and their answers.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idea_value_settings')
    .addColumn('idea_id', 'text', (c) => c.primaryKey().references('ideas.id').onDelete('cascade'))
    // process | personal
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('process'))
    // null: from the assessment (or the quick screen)
    .addColumn('minutes_saved_per_run', 'real')
    .addColumn('hourly_cost', 'real')
    // personal automations: ask every this many days
    .addColumn('prompt_every_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('last_prompted_at', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('idea_value_settings_kind').on('idea_value_settings').columns(['kind', 'last_prompted_at']).execute();

  await db.schema
    .createTable('idea_minutes_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('minutes_per_week', 'real', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('idea_minutes_answers_idea').on('idea_minutes_answers').columns(['idea_id', 'answered_at']).execute();
}
