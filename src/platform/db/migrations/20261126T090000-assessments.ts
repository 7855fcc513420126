import type { Kysely } from 'kysely';

/**
 * Detailed assessments of ideas: versioned questionnaires per category (a category without one
 * uses the default, `category_id` null), and one current assessment per idea with its inputs,
 * answers and computed figures. The columns after `result_json` are the figures other modules
 * read without parsing JSON: the value dashboard (expected value, minutes saved per run) and the
 * value-versus-ease chart (ease, expected net value).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessment_questionnaires')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // null: the default questionnaire, for categories without their own
    .addColumn('category_id', 'text', (c) => c.references('idea_categories.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_questionnaires_category_version')
    .on('assessment_questionnaires')
    .columns(['category_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('idea_assessments')
    .addColumn('idea_id', 'text', (c) => c.primaryKey().references('ideas.id').onDelete('cascade'))
    .addColumn('questionnaire_id', 'text', (c) => c.references('assessment_questionnaires.id'))
    .addColumn('answers_json', 'text', (c) => c.notNull().defaultTo('{}'))
    // the AssessmentValueRequest (volumetry, potential, ease, benefit, cost, discount rate)
    .addColumn('input_json', 'text', (c) => c.notNull())
    // the AssessmentFigures computed from it
    .addColumn('result_json', 'text', (c) => c.notNull())
    // questionnaire score 0–100, null when no question affects the score
    .addColumn('questionnaire_score', 'real')
    // ease of implementation 0–100 and its bucket (easy | medium | hard)
    .addColumn('ease', 'real', (c) => c.notNull())
    .addColumn('ease_bucket', 'text', (c) => c.notNull())
    // PERT expected net yearly value (money) and hours saved per year
    .addColumn('net_value_per_year', 'real', (c) => c.notNull())
    .addColumn('hours_saved_per_year', 'real', (c) => c.notNull())
    // viable | uncertain | not-viable
    .addColumn('verdict', 'text', (c) => c.notNull())
    // minutes of manual work one successful run saves (default from the assessment; adjustable)
    .addColumn('minutes_saved_per_run', 'real', (c) => c.notNull())
    .addColumn('hourly_cost', 'real', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('assessed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
