import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.ts';

/**
 * Public form links and uploaded files.
 *
 * `form_links`: one per workflow whose live version starts with a form trigger. The capability
 * token is stored twice: hashed (SHA-256, unique, what a request is looked up by) and sealed
 * with the secret box (so builders can copy the link again); rotating replaces both.
 *
 * `files` holds an upload's metadata, `file_chunks` its content in pieces of at most 256 KiB
 * (a blob on SQLite, bytea on PostgreSQL): written while the upload streams in, so memory stays
 * bounded and every process sharing the database can serve it. `status` is `uploading` until
 * the last piece is written; uploads never attached to a run are swept.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('form_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workflow_id', 'text', (c) => c.notNull().unique().references('workflows.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('submissions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('spam_blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_submission_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('rotated_at', 'text')
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().defaultTo(0))
    // uploading | ready
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('field_key', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text')
    .addColumn('task_id', 'text')
    .addColumn('run_id', 'text')
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set when a submission that holds the file was accepted; unattached uploads are swept.
    .addColumn('attached_at', 'text')
    .execute();
  await db.schema
    .createIndex('files_unattached_idx')
    .on('files')
    .columns(['created_at'])
    .where(sql.ref('attached_at'), 'is', null)
    .execute();
  await db.schema.createIndex('files_task_idx').on('files').column('task_id').where(sql.ref('task_id'), 'is not', null).execute();

  await db.schema
    .createTable('file_chunks')
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', dialectOf(db) === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('file_chunks_pk', ['file_id', 'seq'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['file_chunks', 'files', 'form_links']) await db.schema.dropTable(table).execute();
}
