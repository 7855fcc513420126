import type { Kysely } from 'kysely';

/**
 * Signals that resumed a waiting step (a person's decision, an external callback). The row is
 * written in the same transaction that wakes the step, so a repeated signal with the same id
 * is recognised as a duplicate even after the step has moved on.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('run_signals')
    .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
    .addColumn('signal_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_signals_pk', ['run_id', 'signal_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('run_signals').execute();
}
