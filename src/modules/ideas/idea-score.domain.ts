/** The five quick-screen questions, each answered 1–5. */
export const SCREEN_FACTORS = ['rules', 'digital', 'structured', 'change', 'documentation'] as const;
export type ScreenFactor = (typeof SCREEN_FACTORS)[number];
export type ScreenAnswers = Record<ScreenFactor, number>;
export type ScreenWeights = Record<ScreenFactor, number>;

/** Equal weights (formulas.md): every question counts the same until an admin says otherwise. */
export const DEFAULT_SCREEN_WEIGHTS: ScreenWeights = { rules: 1, digital: 1, structured: 1, change: 1, documentation: 1 };

const LABELS: Record<ScreenFactor, string> = {
  rules: 'Rule-based',
  digital: 'Digital input',
  structured: 'Structured data',
  change: 'Stable process (little change expected)',
  documentation: 'Documented',
};

const HINTS: Record<ScreenFactor, string> = {
  rules: 'Write the decisions down as if-then rules; hand the judgement calls to a person in the loop (an approval step).',
  digital: 'Get the input digitally first: a web form instead of paper, the e-mail attachment instead of a printout.',
  structured: 'Ask for the data in fixed fields (a form or a spreadsheet template) instead of free text or scans.',
  change: 'Wait until the announced change (new system, new rules) has landed, or automate only the part that stays.',
  documentation: 'Record the steps once (a checklist or a screen recording with notes) before anyone builds it.',
};

export interface FactorContribution {
  factor: ScreenFactor;
  label: string;
  /** The answer as given, 1–5 (for `change`: 1 = no change expected, 5 = major change). */
  answer: number;
  /** Normalised favourability n = (x − 1) / 4, 0…1 (for `change` on the inverted answer). */
  normalised: number;
  weight: number;
  /** Points this factor adds to the 0–100 score: 100 × w × n / Σw. */
  points: number;
  /** Points still available: 100 × w × (1 − n) / Σw. */
  headroom: number;
}

export interface ScoreHint {
  factor: ScreenFactor;
  /** Points gained by raising this answer by one step (or to the best answer, whichever is closer). */
  gainPerStep: number;
  text: string;
}

export interface IdeaScore {
  /** 0–100, rounded to one decimal. */
  score: number;
  /** Mean favourability of rules, digital and structured, 0–100. */
  suitability: number;
  /** Mean favourability of stability and documentation, 0–100. */
  readiness: number;
  /** False when a major change is expected: the idea is not feasible now, whatever its score. */
  feasible: boolean;
  warning: string | null;
  factors: FactorContribution[];
  /** The weakest factors (most headroom first), at most two, with how to raise them. */
  hints: ScoreHint[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The favourability of an answer: change is asked as "how much change", so it is inverted. */
function favourable(factor: ScreenFactor, answer: number): number {
  return factor === 'change' ? 6 - answer : answer;
}

/**
 * The instant idea score of the quick screen (docs/ideas.md, formulas.md §1):
 *
 *   x_i ∈ {1..5}; for `change` x = 6 − answer (more change expected is worse)
 *   n_i = (x_i − 1) / 4
 *   IdeaScore   = 100 × Σ w_i n_i / Σ w_i            (each factor's points: 100 × w_i n_i / Σ w_i)
 *   Suitability = 100 × mean(n_rules, n_digital, n_structured)
 *   Readiness   = 100 × mean(n_change, n_documentation)
 *   Gate: answer(change) = 5 ("major change expected") → feasible = false, with a warning.
 *
 * The score itself is not zeroed by the gate (UiPath zeroes it): the gate is shown next to an
 * honest score, so that the idea ranks where it belongs once the change has landed.
 * Hints name the factors with the most headroom, and what one step up is worth in points.
 *
 * @example
 * scoreIdea({ rules: 5, digital: 4, structured: 3, change: 2, documentation: 1 }).score // 60
 */
export function scoreIdea(answers: ScreenAnswers, weights: ScreenWeights = DEFAULT_SCREEN_WEIGHTS): IdeaScore {
  for (const f of SCREEN_FACTORS) {
    const x = answers[f];
    if (!Number.isInteger(x) || x < 1 || x > 5) throw new RangeError(`${f} must be an integer from 1 to 5, got ${x}`);
    if (!(weights[f] >= 0)) throw new RangeError(`the weight of ${f} must be zero or more`);
  }
  const totalWeight = SCREEN_FACTORS.reduce((s, f) => s + weights[f], 0);
  if (totalWeight <= 0) throw new RangeError('at least one weight must be positive');
  const factors = SCREEN_FACTORS.map((factor): FactorContribution => {
    const n = (favourable(factor, answers[factor]) - 1) / 4;
    const w = weights[factor];
    return {
      factor,
      label: LABELS[factor],
      answer: answers[factor],
      normalised: n,
      weight: w,
      points: round1((100 * w * n) / totalWeight),
      headroom: round1((100 * w * (1 - n)) / totalWeight),
    };
  });
  const n = (f: ScreenFactor) => factors.find((c) => c.factor === f)?.normalised ?? 0;
  const raw = (100 * factors.reduce((s, c) => s + c.weight * c.normalised, 0)) / totalWeight;
  const feasible = answers.change !== 5;
  const hints = factors
    .filter((c) => c.headroom > 0)
    .sort((a, b) => b.headroom - a.headroom || SCREEN_FACTORS.indexOf(a.factor) - SCREEN_FACTORS.indexOf(b.factor))
    .slice(0, 2)
    .map((c) => ({ factor: c.factor, gainPerStep: round1((100 * c.weight * 0.25) / totalWeight), text: HINTS[c.factor] }));
  return {
    score: round1(raw),
    suitability: round1((100 * (n('rules') + n('digital') + n('structured'))) / 3),
    readiness: round1((100 * (n('change') + n('documentation'))) / 2),
    feasible,
    warning: feasible
      ? null
      : 'A major change is expected in the next 6 months: not feasible now. Revisit the idea once the change has landed.',
    factors,
    hints,
  };
}
