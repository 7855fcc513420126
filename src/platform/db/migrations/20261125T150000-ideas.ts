import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * The community idea pipeline: categories (seeded with a few defaults), the idea score's factor
 * weights (equal), ideas with their quick
 * screen and stored score, votes, followers, comments, "this is my process too" supporters,
 * the transition history, per-category transition rules, links to the workflows that build an
 * idea, and in-app notifications for people (new: the `notifications` table is the e-mail outbox).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idea_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  const defaults: [string, string][] = [
    ['Finance', 'Invoices, payments, bookkeeping, reporting'],
    ['Sales & orders', 'Quotes, orders, customers, delivery notes'],
    ['Operations', 'Production, stock, purchasing, logistics'],
    ['HR', 'Hiring, onboarding, absences, payroll input'],
    ['IT', 'Accounts, access, devices, internal tools'],
  ];
  await db
    .insertInto('idea_categories')
    .values(defaults.map(([name, description]) => ({ id: randomUUID(), name, description, created_at: now, updated_at: now })))
    .execute();

  // The weights of the quick-screen factors in the idea score (formulas: equal by default).
  await db.schema
    .createTable('idea_score_weights')
    .addColumn('factor', 'text', (c) => c.primaryKey())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('idea_score_weights')
    .values(['rules', 'digital', 'structured', 'change', 'documentation'].map((factor) => ({ factor, weight: 1, updated_at: now })))
    .execute();

  await db.schema
    .createTable('ideas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // lower(name + description), for the text filter of the table
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull().references('idea_categories.id'))
    .addColumn('team_id', 'text')
    .addColumn('submitter_id', 'text')
    .addColumn('pain_points', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('applications_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // day | week | month
    .addColumn('frequency_period', 'text', (c) => c.notNull())
    .addColumn('frequency_count', 'integer', (c) => c.notNull())
    .addColumn('minutes_per_case', 'integer', (c) => c.notNull())
    .addColumn('q_rules', 'integer', (c) => c.notNull())
    .addColumn('q_digital', 'integer', (c) => c.notNull())
    .addColumn('q_structured', 'integer', (c) => c.notNull())
    .addColumn('q_change', 'integer', (c) => c.notNull())
    .addColumn('q_documentation', 'integer', (c) => c.notNull())
    // The idea score × 10 (0–1000), so it sorts as an integer on both dialects.
    .addColumn('score_x10', 'integer', (c) => c.notNull())
    .addColumn('feasible', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('builder_id', 'text')
    .addColumn('votes_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('followers_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supporters_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Keyset pages of the table: one index per sort key, id as the tie-break.
  for (const column of ['created_at', 'updated_at', 'score_x10', 'votes_count', 'name']) {
    await db.schema.createIndex(`ideas_${column}_idx`).on('ideas').columns([column, 'id']).execute();
  }
  await db.schema.createIndex('ideas_phase_status_idx').on('ideas').columns(['phase', 'status', 'created_at']).execute();
  await db.schema.createIndex('ideas_status_idx').on('ideas').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('ideas_category_idx').on('ideas').columns(['category_id', 'created_at']).execute();
  await db.schema.createIndex('ideas_team_idx').on('ideas').columns(['team_id', 'created_at']).execute();

  for (const table of ['idea_votes', 'idea_followers']) {
    await db.schema
      .createTable(table)
      .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['idea_id', 'user_id'])
      .execute();
  }
  await db.schema
    .createTable('idea_supporters')
    .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('frequency_period', 'text')
    .addColumn('frequency_count', 'integer')
    .addColumn('minutes_per_case', 'integer')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idea_supporters_pk', ['idea_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('idea_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    .addColumn('author_id', 'text')
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('idea_comments_idea_idx').on('idea_comments').columns(['idea_id', 'created_at']).execute();
  await db.schema
    .createTable('idea_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_phase', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_phase', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('idea_transitions_idea_idx').on('idea_transitions').columns(['idea_id', 'created_at']).execute();
  await db.schema
    .createTable('idea_transition_rules')
    .addColumn('category_id', 'text', (c) => c.notNull().references('idea_categories.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    // comma-separated role keys
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idea_transition_rules_pk', ['category_id', 'action'])
    .execute();
  await db.schema
    .createTable('idea_workflows')
    .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    .addColumn('workflow_id', 'text', (c) => c.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('linked_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idea_workflows_pk', ['idea_id', 'workflow_id'])
    .execute();
  await db.schema.createIndex('idea_workflows_workflow_idx').on('idea_workflows').column('workflow_id').execute();

  await db.schema
    .createTable('user_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // idea.comment | idea.mention | idea.transition | idea.vote …
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('link', 'text')
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('actor_label', 'text')
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_notifications_user_idx').on('user_notifications').columns(['user_id', 'created_at', 'id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'user_notifications',
    'idea_workflows',
    'idea_transition_rules',
    'idea_transitions',
    'idea_comments',
    'idea_supporters',
    'idea_followers',
    'idea_votes',
    'ideas',
    'idea_categories',
    'idea_score_weights',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
