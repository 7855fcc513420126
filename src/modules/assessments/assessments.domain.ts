import { defaultMinutesSavedPerRun } from '../value/actual-value.domain.ts';
import { pick } from '../value/estimate.domain.ts';
import {
  DEFAULT_QUADRANT_THRESHOLDS,
  normaliseValues,
  type Quadrant,
  type QuadrantThresholds,
  quadrant,
} from '../value/priority.domain.ts';
import type { AssessmentFigures } from '../value/valuation.domain.ts';
import type { AssessmentValueRequest } from '../value/value.schemas.ts';
import { asIs, DEFAULT_WORKING_TIME, type Frequency } from '../value/volumetry.domain.ts';

/** What the quick screen of an idea already says (its submit form). */
export interface QuickScreen {
  frequencyPeriod: string;
  frequencyCount: number;
  minutesPerCase: number;
  applications: string[];
  /** The five 1–5 answers. */
  screen: { rules: number; digital: number; structured: number; change: number; documentation: number };
}

/** Placeholders of a draft, shown to the assessor to replace: typical SMB figures. */
export const DRAFT_DEFAULTS = { hourlyCost: 45, buildHours: { low: 16, likely: 40, high: 80 }, builderHourlyCost: 60 } as const;

const PERIOD_TO_FREQUENCY: Record<string, Frequency> = { day: 'daily', week: 'weekly', month: 'monthly' };

/** A 1–5 answer as a share 0–1: (x − 1) / 4. */
const share = (answer: number) => Math.min(1, Math.max(0, (answer - 1) / 4));

/**
 * The detailed assessment's starting point, from the idea's quick screen: its volume, period,
 * minutes per case and applications; rule-based share = (rules − 1)/4, unstructured share =
 * 1 − (structured − 1)/4, non-digital share = 1 − (digital − 1)/4; stability = 6 − change
 * (the screen's "change expected" is the inverse of stability). Money figures are placeholders
 * (`DRAFT_DEFAULTS`) the assessor replaces.
 */
export function draftInput(idea: QuickScreen): AssessmentValueRequest {
  const ruleBasedShare = share(idea.screen.rules);
  const unstructuredShare = 1 - share(idea.screen.structured);
  return {
    volumetry: {
      frequency: PERIOD_TO_FREQUENCY[idea.frequencyPeriod] ?? 'monthly',
      volume: idea.frequencyCount,
      minutesPerCase: idea.minutesPerCase,
      errorRate: 0,
      reworkMinutes: 0,
      reviewShare: 0,
      reviewMinutes: 0,
      hourlyCost: DRAFT_DEFAULTS.hourlyCost,
      applications: [...idea.applications],
    },
    potential: { ruleBasedShare, unstructuredShare, nonDigitalShare: 1 - share(idea.screen.digital), variants: 1 },
    ease: { ruleBasedShare, unstructuredShare, stability: Math.min(5, Math.max(1, 6 - idea.screen.change)) },
    cost: { buildHours: { ...DRAFT_DEFAULTS.buildHours }, builderHourlyCost: DRAFT_DEFAULTS.builderHourlyCost },
    discountRate: 0.08,
  };
}

/** The figure columns of `idea_assessments`, which other modules read without parsing JSON. */
export interface FigureColumns {
  ease: number;
  easeBucket: string;
  netValuePerYear: number;
  hoursSavedPerYear: number;
  verdict: string;
  minutesSavedPerRun: number;
  hourlyCost: number;
}

/**
 * The stored figures of an assessment: EoI and its bucket, the PERT expected net yearly value
 * and hours saved a year (raw, not calibrated: calibration is shown beside them), the verdict,
 * the likely hourly cost, and the minutes one run saves — `override` when the assessor gave one,
 * else `defaultMinutesSavedPerRun(likely AS-IS minutes per case, AP)`.
 */
export function figureColumns(input: AssessmentValueRequest, figures: AssessmentFigures, override?: number): FigureColumns {
  const time = input.workingTime ?? DEFAULT_WORKING_TIME;
  const likely = asIs(input.volumetry, 'likely', time);
  return {
    ease: figures.ease.ease,
    easeBucket: figures.ease.bucket,
    netValuePerYear: figures.valuation.net.expected,
    hoursSavedPerYear: figures.valuation.hoursSaved.expected,
    verdict: figures.valuation.verdict,
    minutesSavedPerRun: override ?? defaultMinutesSavedPerRun(likely.minutesPerCase, figures.potential.potential),
    hourlyCost: pick(input.volumetry.hourlyCost, 'likely', 'more-is-better'),
  };
}

export interface MatrixInput {
  ideaId: string;
  ease: number;
  netValuePerYear: number;
}

export interface MatrixPoint<T extends MatrixInput> {
  idea: T;
  /** V_norm, 0–1, among the ideas shown. */
  valueNorm: number;
  quadrant: Quadrant;
}

/** The value-versus-ease chart: values normalised among the ideas shown, then each idea's quadrant. */
export function matrixPoints<T extends MatrixInput>(
  ideas: readonly T[],
  thresholds: QuadrantThresholds = DEFAULT_QUADRANT_THRESHOLDS,
): MatrixPoint<T>[] {
  const norms = normaliseValues(ideas.map((i) => i.netValuePerYear));
  return ideas.map((idea, i) => {
    const valueNorm = norms[i] ?? 0;
    return { idea, valueNorm, quadrant: quadrant(valueNorm, idea.ease, thresholds) };
  });
}
