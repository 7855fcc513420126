import type { Kysely } from 'kysely';

/**
 * Templates: workflows published for reuse, with their version history (each a copy of a
 * published workflow version with credentials and secrets stripped, and what the user must
 * supply), every use (which template version became which workflow, for whom, credited to
 * which author), and one rating and review per person per template. The counters on
 * `templates` (uses, rating sum and count) are kept in the same transaction as the rows they
 * count, so the gallery sorts without aggregating.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    // markdown
    .addColumn('documentation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category_id', 'text', (c) => c.references('idea_categories.id').onDelete('set null'))
    // JSON array of lower-case tags
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('source_workflow_id', 'text', (c) => c.references('workflows.id').onDelete('set null'))
    .addColumn('source_idea_id', 'text', (c) => c.references('ideas.id').onDelete('set null'))
    // active | archived
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('use_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_sum', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('templates_author_idx').on('templates').column('author_id').execute();
  await db.schema.createIndex('templates_source_workflow_idx').on('templates').column('source_workflow_id').execute();

  await db.schema
    .createTable('template_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('templates.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // the stripped workflow definition
    .addColumn('definition_json', 'text', (c) => c.notNull())
    // JSON array of what a user must supply: credentials of a type, secrets
    .addColumn('needs_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // the workflow version it was copied from
    .addColumn('workflow_version', 'integer')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('template_versions_template_version')
    .on('template_versions')
    .columns(['template_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('template_uses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('templates.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('workflow_id', 'text', (c) => c.references('workflows.id').onDelete('set null'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    // the author credited at the time of use
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('template_uses_template_idx').on('template_uses').column('template_id').execute();
  await db.schema.createIndex('template_uses_author_created_idx').on('template_uses').columns(['author_id', 'created_at']).execute();

  await db.schema
    .createTable('template_reviews')
    .addColumn('template_id', 'text', (c) => c.notNull().references('templates.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    // 1–5
    .addColumn('stars', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('template_reviews_pk', ['template_id', 'user_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['template_reviews', 'template_uses', 'template_versions', 'templates']) {
    await db.schema.dropTable(table).execute();
  }
}
