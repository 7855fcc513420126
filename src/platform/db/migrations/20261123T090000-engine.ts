import { type Kysely, sql } from 'kysely';

/**
 * The workflow engine's tables. Runs and steps are the durable state: a run is claimed with a
 * lease (owner + expiry) and woken at `next_at`; each step row is committed before the next
 * step starts. Large step outputs live in `run_blobs`, not in the step row.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workflows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('draft_json', 'text', (c) => c.notNull())
    .addColumn('published_version_id', 'text')
    .addColumn('webhook_path', 'text', (c) => c.unique())
    .addColumn('team_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workflows_name_idx').on('workflows').columns(['name', 'id']).execute();

  await db.schema
    .createTable('workflow_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workflow_id', 'text', (c) => c.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    // published: a version in the history; test: a snapshot of a draft run from the editor (version 0).
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('published'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workflow_versions_unique_idx')
    .on('workflow_versions')
    .columns(['workflow_id', 'version'])
    .unique()
    .where(sql.ref('kind'), '=', 'published')
    .execute();

  await db.schema
    .createTable('runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workflow_id', 'text', (c) => c.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('workflow_versions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('trigger_type', 'text', (c) => c.notNull())
    // Deduplication of deliveries (webhook idempotency key, poll item): unique per workflow.
    .addColumn('trigger_key', 'text')
    .addColumn('concurrency_key', 'text')
    .addColumn('parent_run_id', 'text')
    .addColumn('parent_step_id', 'text')
    .addColumn('started_by', 'text')
    .addColumn('next_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wait_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('runs_workflow_idx').on('runs').columns(['workflow_id', 'id']).execute();
  await db.schema.createIndex('runs_status_next_idx').on('runs').columns(['status', 'next_at']).execute();
  // Partial indexes: most runs have neither a trigger key nor a parent, and a run insert is hot.
  await db.schema
    .createIndex('runs_trigger_key_idx')
    .on('runs')
    .columns(['workflow_id', 'trigger_key'])
    .unique()
    .where(sql.ref('trigger_key'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('runs_parent_idx')
    .on('runs')
    .column('parent_run_id')
    .where(sql.ref('parent_run_id'), 'is not', null)
    .execute();
  // Expired leases of dead owners are found by range on lease_until (NULL for unleased runs).
  await db.schema.createIndex('runs_lease_idx').on('runs').column('lease_until').where(sql.ref('lease_until'), 'is not', null).execute();

  await db.schema
    .createTable('run_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
    .addColumn('node_id', 'text', (c) => c.notNull())
    // '' outside loops; `loopnode:3` (and `outer:1/inner:2`) for an item of a loop body.
    .addColumn('item_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('input_json', 'text')
    .addColumn('output_json', 'text')
    .addColumn('output_blob_id', 'text')
    .addColumn('error_json', 'text')
    .addColumn('state_json', 'text')
    .addColumn('next_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('active_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wait_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('run_steps_node_idx').on('run_steps').columns(['run_id', 'node_id', 'item_key']).unique().execute();

  await db.schema
    .createTable('run_blobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('run_blobs_run_idx').on('run_blobs').column('run_id').execute();

  // Per trigger node: schedule and poll state (next fire time, de-duplication cursor).
  await db.schema
    .createTable('trigger_state')
    .addColumn('workflow_id', 'text', (c) => c.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('state_json', 'text')
    .addColumn('next_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trigger_state_pk', ['workflow_id', 'node_id'])
    .execute();
  await db.schema.createIndex('trigger_state_next_idx').on('trigger_state').column('next_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['trigger_state', 'run_blobs', 'run_steps', 'runs', 'workflow_versions', 'workflows']) {
    await db.schema.dropTable(table).execute();
  }
}
