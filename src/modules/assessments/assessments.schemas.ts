import { z } from 'zod';
import { PHASES, STATUSES } from '../ideas/pipeline.domain.ts';
import { question } from '../value/assessment.domain.ts';
import { DEFAULT_QUADRANT_THRESHOLDS } from '../value/priority.domain.ts';
import { answerSetSchema, assessmentValueSchema } from '../value/value.schemas.ts';

export const categoryParam = z.object({
  categoryId: z.string().min(1).max(64).describe('Category id, or "default" for the questionnaire of categories without their own'),
});
export const ideaParam = z.object({ ideaId: z.string().min(1).max(64).describe('Idea id') });

export const publishQuestionnaireBody = z.object({
  title: z.string().trim().min(1).max(200).describe('Title of the questionnaire'),
  questions: z.array(question).min(1).max(200).describe('The questions, in order; keys must be unique'),
});
export type PublishQuestionnaireInput = z.infer<typeof publishQuestionnaireBody>;

export const questionnaireSchema = z
  .object({
    id: z.string().nullable().describe('Stored version id; null for the built-in questionnaire'),
    categoryId: z.string().describe('Category id or "default"'),
    version: z.number(),
    title: z.string(),
    questions: z.array(question),
    builtIn: z.boolean().describe('The built-in default, never published here'),
    createdBy: z.string().nullable(),
    createdAt: z.string().nullable(),
  })
  .describe('A version of an assessment questionnaire');
export type QuestionnaireView = z.infer<typeof questionnaireSchema>;

export const changesSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
});
export const publishedSchema = z.object({
  questionnaire: questionnaireSchema,
  changes: changesSchema.describe('Question keys added, removed and changed since the version used before'),
});

const answers = answerSetSchema.shape.answers.describe('Answers by question key');

export const assessBody = z.object({
  questionnaireVersion: z.number().int().min(1).describe('Version of the questionnaire the answers are for (the current one)'),
  answers: answers.default({}),
  input: assessmentValueSchema.describe('Volumetry, potential, ease, benefit and cost (docs/formulas.md)'),
  minutesSavedPerRun: z
    .number()
    .finite()
    .min(0, 'At least 0 minutes')
    .max(100_000)
    .optional()
    .describe('Minutes one successful run saves; default: AS-IS minutes per case × automation potential'),
  expectedRevision: z.number().int().min(1).optional().describe('The revision you edited: 409 when someone saved meanwhile'),
});
export type AssessInput = z.infer<typeof assessBody>;

export const previewBody = assessBody.omit({ expectedRevision: true }).extend({
  questionnaireVersion: z.number().int().min(1).optional().describe('Version the answers are for (default: the current one)'),
});
export type PreviewInput = z.infer<typeof previewBody>;

export const figuresSchema = z
  .object({
    asIs: z.unknown(),
    potential: z.unknown(),
    ease: z.unknown(),
    valuation: z.unknown(),
    calibration: z.unknown(),
  })
  .describe('AssessmentFigures: AS-IS, potential, ease, valuation and calibrated valuation (docs/formulas.md)');

const scoreSchema = z.object({
  score: z.number().nullable().describe('0–100; null when no scored question was answered'),
  coverage: z.number().nullable(),
  questions: z.array(z.object({ key: z.string(), weight: z.number(), score: z.number(), points: z.number() })),
});

export const previewSchema = z.object({
  figures: figuresSchema,
  questionnaireScore: scoreSchema,
  answerIssues: z.array(z.object({ path: z.string(), message: z.string() })).describe('Answers that would be refused on save'),
  minutesSavedPerRun: z.number(),
});

export const assessmentSchema = z.object({
  questionnaireVersion: z.number(),
  questionnaireOutdated: z.boolean().describe('A newer questionnaire version exists'),
  answers: z.record(z.string(), z.unknown()),
  input: z.unknown().describe('The AssessmentValueRequest saved'),
  figures: figuresSchema,
  questionnaireScore: z.number().nullable(),
  ease: z.number(),
  easeBucket: z.string(),
  netValuePerYear: z.number(),
  hoursSavedPerYear: z.number(),
  verdict: z.string(),
  minutesSavedPerRun: z.number(),
  hourlyCost: z.number(),
  revision: z.number(),
  assessedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ideaAssessmentSchema = z.object({
  ideaId: z.string(),
  ideaName: z.string(),
  questionnaire: questionnaireSchema.describe('The current questionnaire of the idea’s category'),
  assessment: assessmentSchema.nullable(),
  draft: z.unknown().nullable().describe('Without an assessment: an input prefilled from the idea’s quick screen'),
  calibrationFactor: z.number().nullable().describe('The category’s calibration factor, when it has one'),
  canAssess: z.boolean().describe('Whether the caller may save an assessment'),
});
export type IdeaAssessmentView = z.infer<typeof ideaAssessmentSchema>;

export const matrixQuery = z.object({
  categoryId: z.string().max(64).optional(),
  teamId: z.string().max(64).optional(),
  phase: z.enum(PHASES).optional(),
  status: z.enum(STATUSES).optional(),
  valueThreshold: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(DEFAULT_QUADRANT_THRESHOLDS.value)
    .describe('Normalised value from which an idea is high value (default 0.5)'),
  easeThreshold: z.coerce
    .number()
    .min(0)
    .max(100)
    .default(DEFAULT_QUADRANT_THRESHOLDS.ease)
    .describe('Ease from which an idea is easy (default 50)'),
});
export type MatrixQuery = z.infer<typeof matrixQuery>;

export const matrixSchema = z.object({
  items: z.array(
    z.object({
      ideaId: z.string(),
      name: z.string(),
      categoryName: z.string(),
      phase: z.string(),
      status: z.string(),
      ease: z.number(),
      easeBucket: z.string(),
      netValuePerYear: z.number(),
      hoursSavedPerYear: z.number(),
      valueNorm: z.number(),
      quadrant: z.enum(['quick-win', 'strategic-bet', 'fill-in', 'avoid']),
      verdict: z.string(),
    }),
  ),
  notAssessed: z.number().describe('Ideas matching the filters without an assessment'),
  thresholds: z.object({ value: z.number(), ease: z.number() }),
});
