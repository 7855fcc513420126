import type { Kysely } from 'kysely';

/**
 * Citizen-developer reviews of an idea before it goes Live: one row per review round. `kind` is
 * `business` (an approver checks that the build does what the idea asked) or `technical` (a
 * checklist: error handling, credentials, data class, owner, test runs). A round is `pending`
 * until decided `approved` or `changes_requested`; resubmitting after changes starts round + 1,
 * so the history of rounds is kept. `checks_json` holds the technical reviewer's per-item
 * confirmations and waivers (`{ item: { decision, reason, by, at } }`); `auto_json` the automatic
 * check results as they were when the round was decided.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idea_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    // business | technical
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    // pending | approved | changes_requested
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_by_label', 'text', (c) => c.notNull())
    .addColumn('submit_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_label', 'text')
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_at', 'text')
    // public | internal | confidential | restricted (technical rounds; the reviewer picks it)
    .addColumn('data_class', 'text')
    .addColumn('checks_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('auto_json', 'text')
    .execute();
  await db.schema.createIndex('idea_reviews_round').on('idea_reviews').columns(['idea_id', 'kind', 'round']).unique().execute();
}
