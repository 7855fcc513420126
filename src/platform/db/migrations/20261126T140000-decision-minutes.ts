import type { Kysely } from 'kysely';

/**
 * The minutes a person says a decision took (optional on every approval, rejection, form,
 * to-do and exception): measured value counts them as the people's time on the run.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_decisions').addColumn('minutes_spent', 'integer').execute();
}
