import { z } from 'zod';

/**
 * Assessment questionnaires: configurable per category and versioned. A published version
 * never changes; editing publishes the next one, and an answer set names the version it answers.
 */

export const QUESTION_KINDS = ['single', 'multi', 'number', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const key = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'Letters, digits and _; start with a letter')
  .describe('Name of the answer');

export const questionOption = z.object({
  value: z.string().min(1).max(200).describe('Stored answer'),
  label: z.string().trim().min(1).max(200).describe('Shown to the assessor'),
  score: z.number().min(0).max(1).default(0).describe('What choosing it scores, 0–1'),
});

export const question = z
  .object({
    key,
    label: z.string().trim().min(1).max(500).describe('The question'),
    help: z.string().max(2000).optional().describe('Hint under the question'),
    kind: z.enum(QUESTION_KINDS).describe('single choice, multi choice, number or text'),
    required: z.boolean().default(false).describe('Must be answered'),
    weight: z.number().min(0).max(100).default(1).describe('Weight in the questionnaire score'),
    affectsScore: z.boolean().default(true).describe('Whether the answer counts in the score (never for text)'),
    options: z.array(questionOption).max(100).optional().describe('Choices of single and multi choice questions'),
    min: z.number().optional().describe('Smallest number accepted'),
    max: z.number().optional().describe('Largest number accepted'),
    scoreFrom: z.number().optional().describe('Number that scores 0 (a number question that affects the score)'),
    scoreTo: z.number().optional().describe('Number that scores 1; may be below scoreFrom when less is better'),
    maxLength: z.number().int().min(1).max(20_000).optional().describe('Longest text (default 5,000)'),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === 'single' || q.kind === 'multi';
    if (choice && (q.options?.length ?? 0) < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'A choice question needs at least two options' });
    if (choice) {
      const seen = new Set<string>();
      q.options?.forEach((o, i) => {
        if (seen.has(o.value))
          ctx.addIssue({ code: 'custom', path: ['options', i, 'value'], message: `Another option already has the value "${o.value}"` });
        seen.add(o.value);
      });
    }
    if (q.kind === 'text' && q.affectsScore)
      ctx.addIssue({ code: 'custom', path: ['affectsScore'], message: 'A text answer cannot be scored' });
    if (q.kind === 'number' && q.affectsScore && (q.scoreFrom === undefined || q.scoreTo === undefined || q.scoreFrom === q.scoreTo))
      ctx.addIssue({ code: 'custom', path: ['scoreTo'], message: 'A scored number question needs different scoreFrom and scoreTo' });
    if (q.min !== undefined && q.max !== undefined && q.min > q.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max is below min' });
  })
  .describe('A question of an assessment questionnaire');
export type Question = z.infer<typeof question>;

export const questionnaire = z
  .object({
    categoryId: z.string().min(1).max(64).describe('Category the questionnaire assesses'),
    version: z.number().int().min(1).describe('Version, from 1; each edit publishes the next'),
    title: z.string().trim().min(1).max(200),
    questions: z.array(question).min(1).max(200),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    q.questions.forEach((x, i) => {
      if (seen.has(x.key))
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'key'], message: `Another question already has the key "${x.key}"` });
      seen.add(x.key);
    });
  });
export type Questionnaire = z.infer<typeof questionnaire>;

/** The next version of a category's questionnaire: 1 for the first, then one more than the latest. */
export function nextVersion(latest: Pick<Questionnaire, 'version'> | null): number {
  return latest === null ? 1 : latest.version + 1;
}

/** What changed between two versions, by question key (for the "what changed" note and for re-assessing). */
export function questionnaireChanges(previous: Questionnaire, next: Questionnaire) {
  const before = new Map(previous.questions.map((q) => [q.key, JSON.stringify(q)]));
  const after = new Map(next.questions.map((q) => [q.key, JSON.stringify(q)]));
  return {
    added: [...after.keys()].filter((k) => !before.has(k)),
    removed: [...before.keys()].filter((k) => !after.has(k)),
    changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)),
  };
}

export interface FieldIssue {
  path: string;
  message: string;
}

export type Answer = string | string[] | number;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function checkAnswer(q: Question, v: unknown): string | null {
  const values = new Set((q.options ?? []).map((o) => o.value));
  switch (q.kind) {
    case 'single':
      return typeof v === 'string' && values.has(v) ? null : 'Not one of the choices';
    case 'multi':
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && values.has(x))) return 'Must be a list of the choices';
      return new Set(v).size === v.length ? null : 'A choice is listed twice';
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'Must be a number';
      if (q.min !== undefined && v < q.min) return `At least ${q.min}`;
      if (q.max !== undefined && v > q.max) return `At most ${q.max}`;
      return null;
    case 'text': {
      if (typeof v !== 'string') return 'Must be text';
      const max = q.maxLength ?? 5000;
      return v.length > max ? `At most ${max} characters` : null;
    }
  }
}

/**
 * Checks an answer set against the questionnaire version it claims to answer: the same
 * version, every required question answered, each answer of its question's kind and within its
 * limits, no unknown keys. Problems come with their path (`version`, `answers.<key>`).
 *
 * @example
 * // q: version 2, with a number question "volume" (min 0)
 * validateAnswers(q, { version: 2, answers: { volume: -5 } })
 * // { ok: false, issues: [{ path: 'answers.volume', message: 'At least 0' }] }
 */
export function validateAnswers(
  q: Questionnaire,
  set: { version: number; answers: Record<string, unknown> },
): { ok: true; answers: Record<string, Answer> } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (set.version !== q.version)
    issues.push({ path: 'version', message: `These answers are for version ${set.version}; the questionnaire is at version ${q.version}` });
  const known = new Set(q.questions.map((x) => x.key));
  for (const k of Object.keys(set.answers))
    if (!known.has(k)) issues.push({ path: `answers.${k}`, message: 'Not a question of this questionnaire' });
  const answers: Record<string, Answer> = {};
  for (const x of q.questions) {
    const v = set.answers[x.key];
    if (isEmpty(v)) {
      if (x.required) issues.push({ path: `answers.${x.key}`, message: 'Required' });
      continue;
    }
    const problem = checkAnswer(x, v);
    if (problem) issues.push({ path: `answers.${x.key}`, message: problem });
    else answers[x.key] = v as Answer;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Score s_q ∈ [0, 1] of one answer:
 *
 * - single choice: the chosen option's score;
 * - multi choice: the sum of the chosen options' scores, capped at 1 ("which of these apply?");
 * - number: (x − scoreFrom) / (scoreTo − scoreFrom), clamped to [0, 1];
 * - text: not scored.
 */
export function answerScore(q: Question, answer: Answer): number | null {
  const scoreOf = (value: string) => q.options?.find((o) => o.value === value)?.score ?? 0;
  switch (q.kind) {
    case 'single':
      return scoreOf(answer as string);
    case 'multi':
      return Math.min(
        1,
        (answer as string[]).reduce((s, v) => s + scoreOf(v), 0),
      );
    case 'number':
      return clamp01(((answer as number) - (q.scoreFrom ?? 0)) / ((q.scoreTo ?? 1) - (q.scoreFrom ?? 0)));
    case 'text':
      return null;
  }
}

export interface QuestionContribution {
  key: string;
  weight: number;
  /** s_q. */
  score: number;
  /** 100 × w_q s_q / Σ w over the answered scored questions: the points it adds. */
  points: number;
}

/**
 * Questionnaire score = 100 × Σ w_q s_q / Σ w_q over the questions that affect the score and
 * were answered (null when none was). An optional scored question left unanswered is left out
 * rather than counted as 0; `coverage` = answered scored weight ÷ all scored weight says how
 * much of the questionnaire the score rests on.
 *
 * @example
 * // Weights 2 (single, chose an option scoring 0.75), 1 (number 30 on 0 → 60), 1 (unanswered):
 * // score = 100 × (2 × 0.75 + 1 × 0.5) / 3 = 66.67, coverage = 3 / 4 = 0.75
 */
export function questionnaireScore(q: Questionnaire, answers: Record<string, Answer>) {
  const scored = q.questions.filter((x) => x.affectsScore && x.kind !== 'text' && x.weight > 0);
  const totalWeight = scored.reduce((s, x) => s + x.weight, 0);
  const answered = scored
    .filter((x) => !isEmpty(answers[x.key]))
    .map((x) => ({ key: x.key, weight: x.weight, score: answerScore(x, answers[x.key] as Answer) ?? 0 }));
  const answeredWeight = answered.reduce((s, x) => s + x.weight, 0);
  const questions: QuestionContribution[] = answered.map((x) => ({ ...x, points: (100 * x.weight * x.score) / answeredWeight }));
  return {
    score: answeredWeight === 0 ? null : questions.reduce((s, x) => s + x.points, 0),
    coverage: totalWeight === 0 ? null : answeredWeight / totalWeight,
    questions,
  };
}
