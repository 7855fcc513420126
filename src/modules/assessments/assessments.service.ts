import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize, can } from '../../platform/permissions/authorize.ts';
import { fieldErrors } from '../ideas/idea-access.ts';
import type { IdeaView } from '../ideas/ideas.schemas.ts';
import { type Answer, type FieldIssue, questionnaireScore, validateAnswers } from '../value/assessment.domain.ts';
import { assessValue } from '../value/valuation.domain.ts';
import { type AssessmentValueRequest, fieldIssues } from '../value/value.schemas.ts';
import type { AssessmentsDeps } from './assessments.deps.ts';
import { draftInput, figureColumns, matrixPoints } from './assessments.domain.ts';
import type { AssessmentRecord } from './assessments.repository.ts';
import {
  type AssessInput,
  assessBody,
  type IdeaAssessmentView,
  type MatrixQuery,
  type PreviewInput,
  previewBody,
} from './assessments.schemas.ts';
import type { QuestionnairesService, ResolvedQuestionnaire } from './questionnaires.service.ts';

/**
 * Who may assess an idea: those who decide on it or manage ideas (in its category or team), and
 * its builder — a builder who claimed it.
 */
export function mayAssess(actor: Actor, idea: Pick<IdeaView, 'category' | 'team' | 'builder'>): boolean {
  const target = { categoryId: idea.category.id, teamId: idea.team?.id ?? null };
  if (can(actor, 'ideas.decide', target) || can(actor, 'ideas.manage', target)) return true;
  return can(actor, 'ideas.build', target) && actor.userId !== null && idea.builder?.id === actor.userId;
}

/** The answers checked against a questionnaire version; issues come with API paths. */
function checkAnswers(q: ResolvedQuestionnaire, version: number, answers: Record<string, unknown>) {
  const result = validateAnswers(q.definition, { version, answers });
  if (result.ok) return { answers: result.answers, issues: [] as FieldIssue[] };
  const issues = result.issues.map((i) => (i.path === 'version' ? { ...i, path: 'questionnaireVersion' } : i));
  // Score the answers that are valid, so a half-filled form still shows a score.
  const valid = Object.entries(answers).filter(([k, v]) => !issues.some((i) => i.path === `answers.${k}`) && v !== '' && v !== null);
  return { answers: Object.fromEntries(valid) as Record<string, Answer>, issues };
}

/** Detailed assessments of ideas (AS-IS, potential, ease, value) and the value-versus-ease chart. */
export function createAssessmentsService(deps: AssessmentsDeps, questionnaires: QuestionnairesService) {
  const { repo } = deps;
  const calibrationOf = deps.calibrationOf ?? (async () => null);

  function compute(q: ResolvedQuestionnaire, input: AssessmentValueRequest, answers: Record<string, Answer>, factor: number | null) {
    const figures = assessValue(input, factor);
    return { figures, score: questionnaireScore(q.definition, answers) };
  }

  async function view(actor: Actor, idea: IdeaView): Promise<IdeaAssessmentView> {
    const [current, row, calibrationFactor] = await Promise.all([
      questionnaires.effective(idea.category.id),
      repo.find(idea.id),
      calibrationOf(idea.category.id),
    ]);
    const base = {
      ideaId: idea.id,
      ideaName: idea.name,
      questionnaire: current.view,
      calibrationFactor,
      canAssess: mayAssess(actor, idea),
    };
    if (!row) return { ...base, assessment: null, draft: draftInput(idea) };
    const answered = await questionnaires.byId(row.questionnaire_id);
    return {
      ...base,
      draft: null,
      assessment: {
        questionnaireVersion: answered.definition.version,
        questionnaireOutdated: row.questionnaire_id !== current.view.id,
        answers: JSON.parse(row.answers_json),
        input: JSON.parse(row.input_json),
        figures: JSON.parse(row.result_json),
        questionnaireScore: row.questionnaire_score,
        ease: row.ease,
        easeBucket: row.ease_bucket,
        netValuePerYear: row.net_value_per_year,
        hoursSavedPerYear: row.hours_saved_per_year,
        verdict: row.verdict,
        minutesSavedPerRun: row.minutes_saved_per_run,
        hourlyCost: row.hourly_cost,
        revision: row.revision,
        assessedBy: row.assessed_by,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
    };
  }

  return {
    /** The idea's assessment, or a draft prefilled from its quick screen, with the current questionnaire. */
    async get(actor: Actor, ideaId: string) {
      return view(actor, await deps.ideas.get(actor, ideaId));
    },

    /** The figures of a draft, computed and not stored (the form shows them live); answer problems are listed, not refused. */
    async preview(actor: Actor, ideaId: string, raw: PreviewInput) {
      const idea = await deps.ideas.get(actor, ideaId);
      const parsed = previewBody.safeParse(raw);
      if (!parsed.success) throw fieldErrors(fieldIssues(parsed.error));
      const body = parsed.data;
      const q = await questionnaires.effective(idea.category.id);
      const checked = checkAnswers(q, body.questionnaireVersion ?? q.definition.version, body.answers);
      const { figures, score } = compute(q, body.input, checked.answers, await calibrationOf(idea.category.id));
      return {
        figures,
        questionnaireScore: score,
        answerIssues: checked.issues,
        minutesSavedPerRun: figureColumns(body.input, figures, body.minutesSavedPerRun).minutesSavedPerRun,
      };
    },

    /**
     * Saves the idea's assessment: answers to the current questionnaire version and the value
     * input, both validated with field paths (nothing stored on error); figures computed with the
     * category's calibration factor; revision + 1; audited.
     */
    async save(actor: Actor, ideaId: string, raw: AssessInput) {
      const idea = await deps.ideas.get(actor, ideaId);
      if (!mayAssess(actor, idea))
        throw forbidden('Only approvers, idea managers or the builder who claimed the idea may assess it.', { ideaId });
      const parsed = assessBody.safeParse(raw);
      if (!parsed.success) throw fieldErrors(fieldIssues(parsed.error));
      const body = parsed.data;
      const q = await questionnaires.effective(idea.category.id);
      const checked = checkAnswers(q, body.questionnaireVersion, body.answers);
      if (checked.issues.length > 0) throw fieldErrors(checked.issues);
      const { figures, score } = compute(q, body.input, checked.answers, await calibrationOf(idea.category.id));
      const columns = figureColumns(body.input, figures, body.minutesSavedPerRun);
      const now = deps.clock.now().toISOString();
      await deps.db.transaction().execute(async (trx) => {
        const before = await repo.find(ideaId, trx);
        const revision = before?.revision ?? 0;
        if (body.expectedRevision !== undefined && body.expectedRevision !== revision) throw conflict(body.expectedRevision, revision);
        const row: AssessmentRecord = {
          idea_id: ideaId,
          questionnaire_id: q.view.id,
          answers_json: JSON.stringify(checked.answers),
          input_json: JSON.stringify(body.input),
          result_json: JSON.stringify(figures),
          questionnaire_score: score.score,
          ease: columns.ease,
          ease_bucket: columns.easeBucket,
          net_value_per_year: columns.netValuePerYear,
          hours_saved_per_year: columns.hoursSavedPerYear,
          verdict: columns.verdict,
          minutes_saved_per_run: columns.minutesSavedPerRun,
          hourly_cost: columns.hourlyCost,
          revision: revision + 1,
          assessed_by: actor.userId,
          created_at: before?.created_at ?? now,
          updated_at: now,
        };
        if (!before) await repo.insert(row, trx);
        else if (!(await repo.update(row, revision, trx))) throw conflict(revision, revision + 1);
        await deps.audit.record(trx, actor, {
          action: 'idea_assessment.save',
          objectType: 'idea',
          objectId: ideaId,
          before: before ? summary(before) : null,
          after: { ...summary(row), calibrationFactor: figures.calibration?.factor ?? null },
        });
      });
      return view(actor, idea);
    },

    /** The value × ease chart of the assessed ideas matching the filters, and how many are not assessed yet. */
    async matrix(actor: Actor, query: MatrixQuery) {
      authorize(actor, 'ideas.read');
      const filter = { categoryId: query.categoryId, teamId: query.teamId, phase: query.phase, status: query.status };
      const thresholds = { value: query.valueThreshold, ease: query.easeThreshold };
      const [rows, notAssessed] = await Promise.all([repo.matrix(filter), repo.notAssessed(filter)]);
      const items = matrixPoints(rows, thresholds).map((p) => ({ ...p.idea, valueNorm: p.valueNorm, quadrant: p.quadrant }));
      return { items, notAssessed, thresholds };
    },
  };
}

const summary = (r: AssessmentRecord) => ({
  revision: r.revision,
  ease: r.ease,
  easeBucket: r.ease_bucket,
  netValuePerYear: r.net_value_per_year,
  verdict: r.verdict,
  minutesSavedPerRun: r.minutes_saved_per_run,
});

function conflict(expected: number, actual: number) {
  return new AppError('ASSESSMENT_REVISION_CONFLICT', {
    status: 409,
    userMessage: 'Someone saved this assessment while you were editing it. Reload it to see their changes.',
    details: { expectedRevision: expected, revision: actual },
  });
}

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
