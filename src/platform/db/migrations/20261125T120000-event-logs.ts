import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.ts';

/**
 * Event logs imported for the process audit. `event_logs` holds one row per log with its
 * summary; `event_log_columns` holds the events column by column (the columnar model of
 * src/modules/audit/event-log.domain.ts): dictionaries (activities, resources, case ids) as UTF-8
 * JSON, numeric columns (activity, time, resource, case offsets, start time) as typed-array
 * bytes. 5 million events are about 100 MB in eight rows, read back without parsing.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('event_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // csv | xes
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('num_events', 'integer', (c) => c.notNull())
    .addColumn('num_cases', 'integer', (c) => c.notNull())
    .addColumn('num_activities', 'integer', (c) => c.notNull())
    .addColumn('num_variants', 'integer', (c) => c.notNull())
    .addColumn('skipped_events', 'integer', (c) => c.notNull())
    // First and last event time (ISO, UTC).
    .addColumn('first_event_at', 'text', (c) => c.notNull())
    .addColumn('last_event_at', 'text', (c) => c.notNull())
    // JSON: the column mapping, delimiter, date format and time zone the import used.
    .addColumn('import_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_logs_created_idx').on('event_logs').columns(['created_at', 'id']).execute();
  await db.schema
    .createTable('event_log_columns')
    .addColumn('event_log_id', 'text', (c) => c.notNull().references('event_logs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_log_columns_pk', ['event_log_id', 'name'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_log_columns').execute();
  await db.schema.dropTable('event_logs').execute();
}
