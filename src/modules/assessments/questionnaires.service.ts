import { isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { fieldErrors } from '../ideas/idea-access.ts';
import { nextVersion, type Questionnaire, questionnaire, questionnaireChanges } from '../value/assessment.domain.ts';
import { fieldIssues } from '../value/value.schemas.ts';
import type { AssessmentsDeps } from './assessments.deps.ts';
import type { QuestionnaireRecord } from './assessments.repository.ts';
import type { PublishQuestionnaireInput, QuestionnaireView } from './assessments.schemas.ts';
import { BUILT_IN_QUESTIONNAIRE, DEFAULT_SCOPE } from './default-questionnaire.ts';

/** A questionnaire version with where it came from (a stored row, or the built-in default). */
export interface ResolvedQuestionnaire {
  definition: Questionnaire;
  view: QuestionnaireView;
}

const builtIn = (): ResolvedQuestionnaire => ({
  definition: BUILT_IN_QUESTIONNAIRE,
  view: { id: null, ...BUILT_IN_QUESTIONNAIRE, builtIn: true, createdBy: null, createdAt: null },
});

export function resolvedOf(row: QuestionnaireRecord): ResolvedQuestionnaire {
  const definition = questionnaire.parse(JSON.parse(row.definition_json));
  return {
    definition,
    view: { id: row.id, ...definition, builtIn: false, createdBy: row.created_by, createdAt: row.created_at },
  };
}

const scopeOf = (categoryId: string) => (categoryId === DEFAULT_SCOPE ? null : categoryId);

/** Versioned assessment questionnaires: per category, a default one, and the built-in one. */
export function createQuestionnairesService(deps: AssessmentsDeps) {
  const { repo } = deps;

  /** The default questionnaire: the latest published one, else the built-in one. */
  async function defaultOne(trx = deps.db): Promise<ResolvedQuestionnaire> {
    const row = await repo.latestQuestionnaire(null, trx);
    return row ? resolvedOf(row) : builtIn();
  }

  /** The questionnaire a category uses now: its own latest version, else the default. */
  async function effective(categoryId: string, trx = deps.db): Promise<ResolvedQuestionnaire> {
    if (categoryId === DEFAULT_SCOPE) return defaultOne(trx);
    const own = await repo.latestQuestionnaire(categoryId, trx);
    return own ? resolvedOf(own) : defaultOne(trx);
  }

  async function checkScope(categoryId: string) {
    if (categoryId !== DEFAULT_SCOPE && !(await repo.categoryExists(categoryId))) throw notFound('Idea category', categoryId);
  }

  return {
    effective,

    /** The version a stored assessment answered (null id: the built-in one). */
    async byId(id: string | null): Promise<ResolvedQuestionnaire> {
      const row = id === null ? undefined : await repo.questionnaire(id);
      return row ? resolvedOf(row) : builtIn();
    },

    async current(actor: Actor, categoryId: string): Promise<QuestionnaireView> {
      authorize(actor, 'ideas.read');
      await checkScope(categoryId);
      return (await effective(categoryId)).view;
    },

    /** Every published version of the category's own questionnaire (the default's ends with the built-in one), newest first. */
    async versions(actor: Actor, categoryId: string): Promise<QuestionnaireView[]> {
      authorize(actor, 'ideas.read');
      await checkScope(categoryId);
      const rows = (await repo.questionnaireVersions(scopeOf(categoryId))).map((r) => resolvedOf(r).view);
      return categoryId === DEFAULT_SCOPE ? [...rows, builtIn().view] : rows;
    },

    /**
     * Publishes the next version of a category's questionnaire ("default": the default one).
     * Validated whole (unique keys, options of choice questions, score ranges) with field paths;
     * returns what changed since the version the category used until now.
     */
    async publish(actor: Actor, categoryId: string, input: PublishQuestionnaireInput) {
      authorize(actor, 'ideas.manage', { categoryId: scopeOf(categoryId) });
      await checkScope(categoryId);
      return deps.db.transaction().execute(async (trx) => {
        const scope = scopeOf(categoryId);
        const own = await repo.latestQuestionnaire(scope, trx);
        const previous = own ? resolvedOf(own) : scope === null ? builtIn() : await defaultOne(trx);
        // The built-in default counts as version 1 of the default questionnaire.
        const latest = own ? previous.definition : scope === null ? BUILT_IN_QUESTIONNAIRE : null;
        const parsed = questionnaire.safeParse({ ...input, categoryId, version: nextVersion(latest) });
        if (!parsed.success) throw fieldErrors(fieldIssues(parsed.error));
        const now = deps.clock.now().toISOString();
        const row: QuestionnaireRecord = {
          id: newId(),
          category_id: scope,
          version: parsed.data.version,
          definition_json: JSON.stringify(parsed.data),
          created_by: actor.userId,
          created_at: now,
        };
        try {
          await repo.insertQuestionnaire(row, trx);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw new AppError('QUESTIONNAIRE_VERSION_TAKEN', {
            status: 409,
            userMessage: 'Someone published a version of this questionnaire at the same time. Reload it and publish again.',
            details: { categoryId, version: row.version },
            expected: true,
          });
        }
        const changes = questionnaireChanges(previous.definition, parsed.data);
        await deps.audit.record(trx, actor, {
          action: 'assessment_questionnaire.publish',
          objectType: 'assessment_questionnaire',
          objectId: row.id,
          before: own ? { version: previous.definition.version } : null,
          after: { categoryId, version: row.version, title: parsed.data.title, changes },
        });
        return { questionnaire: resolvedOf(row).view, changes };
      });
    },

    /** The current questionnaire of the default and of each category that has its own. */
    async list(actor: Actor): Promise<QuestionnaireView[]> {
      authorize(actor, 'ideas.read');
      const rows = await repo.latestPerScope();
      const views = rows.map((r) => resolvedOf(r).view);
      return views.some((v) => v.categoryId === DEFAULT_SCOPE) ? views : [builtIn().view, ...views];
    },
  };
}

export type QuestionnairesService = ReturnType<typeof createQuestionnairesService>;
