import type { Kysely } from 'kysely';

/**
 * Rate limits of connector credentials. `credential_limits` holds a credential's limit (and the
 * tail of the queue deferred steps are spread over); `credential_limit_slots` is the shared
 * bucket: one row per request a window allows (`kind = 'rate'`) and, when the limit also caps
 * calls in flight below that, one per concurrent call (`kind = 'concurrency'`). A step takes a
 * slot whose `free_at` has passed with one UPDATE … RETURNING (FOR UPDATE SKIP LOCKED on
 * PostgreSQL), so any number of workers share the limit through the database.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credential_limits')
    .addColumn('credential_id', 'text', (c) => c.primaryKey().references('credentials.id').onDelete('cascade'))
    .addColumn('requests', 'integer', (c) => c.notNull())
    // second | minute | hour
    .addColumn('per', 'text', (c) => c.notNull())
    .addColumn('max_concurrent', 'integer')
    // When the last deferred step was told to come back (ISO); the next one is spaced after it.
    .addColumn('queue_tail', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('credential_limit_slots')
    .addColumn('credential_id', 'text', (c) => c.notNull().references('credentials.id').onDelete('cascade'))
    // rate | concurrency
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull())
    // The slot may be taken once this time has passed (ISO). While a call holds it: the hold's expiry.
    .addColumn('free_at', 'text', (c) => c.notNull())
    // Random token of the call holding the slot; null when free.
    .addColumn('holder', 'text')
    .addPrimaryKeyConstraint('credential_limit_slots_pk', ['credential_id', 'kind', 'slot'])
    .execute();
  await db.schema
    .createIndex('credential_limit_slots_free_idx')
    .on('credential_limit_slots')
    .columns(['credential_id', 'kind', 'free_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('credential_limit_slots').execute();
  await db.schema.dropTable('credential_limits').execute();
}
