/**
 * Ease of implementation (EoI), open and explainable, unlike the secret formulas of the
 * commercial hubs: a weighted mean of complexity scores s_f ∈ [0, 1], one per factor.
 */

export const DATA_CLASSES = ['public', 'internal', 'confidential', 'restricted'] as const;
export const UPTIME_NEEDS = ['business-hours', 'extended', 'always'] as const;

/** What the assessor knows; a factor left out is not counted (nor is its weight). */
export interface EaseInput {
  /** Applications the workflow must use. */
  applications?: number;
  /** Steps of the process. */
  steps?: number;
  /** Decision points (branches). */
  decisionPoints?: number;
  /** Share of cases with unstructured input, 0–1. */
  unstructuredShare?: number;
  /** Share of cases that follow rules, 0–1. */
  ruleBasedShare?: number;
  /** Process stability, 1 (major change expected) – 5 (stable for years). */
  stability?: number;
  /** Share of cases that are exceptions, 0–1. */
  exceptionRate?: number;
  /** Peak volume ÷ average volume (1 = flat). */
  peakRatio?: number;
  /** Applications without an API (screens, files, legacy), of `applications`. */
  legacySystems?: number;
  dataClass?: (typeof DATA_CLASSES)[number];
  uptime?: (typeof UPTIME_NEEDS)[number];
}
export type EaseFactor = keyof EaseInput;

/** Default weights w_f (admin-editable): the factors that most often sink a build weigh 2. */
export const DEFAULT_EASE_WEIGHTS: Readonly<Record<EaseFactor, number>> = {
  applications: 2,
  steps: 1,
  decisionPoints: 1,
  unstructuredShare: 2,
  ruleBasedShare: 2,
  stability: 2,
  exceptionRate: 1,
  peakRatio: 0.5,
  legacySystems: 1,
  dataClass: 1,
  uptime: 0.5,
};

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Complexity score s_f of each factor:
 *
 * - applications n: (n − 1) / 4, capped at 1 (one app is simple, five or more the hardest);
 * - steps n: (n − 5) / 45 in [0, 1] (up to 5 steps simple, 50 or more the hardest);
 * - decision points d: d / 10, capped at 1;
 * - unstructured share u: u;
 * - rule-based share r: 1 − r;
 * - stability x ∈ 1..5: (5 − x) / 4;
 * - exception rate e: e / 0.2, capped at 1 (20 % exceptions or more the hardest);
 * - peak ratio q: (q − 1) / 4 in [0, 1];
 * - legacy systems k: k / 2, capped at 1;
 * - data class: public 0, internal 1/3, confidential 2/3, restricted 1;
 * - uptime: business hours 0, extended 0.5, always 1.
 */
export function complexityScore(factor: EaseFactor, value: number | string): number {
  const n = typeof value === 'number' ? value : Number.NaN;
  switch (factor) {
    case 'applications':
      return clamp01((n - 1) / 4);
    case 'steps':
      return clamp01((n - 5) / 45);
    case 'decisionPoints':
      return clamp01(n / 10);
    case 'unstructuredShare':
      return clamp01(n);
    case 'ruleBasedShare':
      return clamp01(1 - n);
    case 'stability':
      return clamp01((5 - n) / 4);
    case 'exceptionRate':
      return clamp01(n / 0.2);
    case 'peakRatio':
      return clamp01((n - 1) / 4);
    case 'legacySystems':
      return clamp01(n / 2);
    case 'dataClass':
      return DATA_CLASSES.indexOf(value as (typeof DATA_CLASSES)[number]) / 3;
    case 'uptime':
      return UPTIME_NEEDS.indexOf(value as (typeof UPTIME_NEEDS)[number]) / 2;
  }
}

export type EaseBucket = 'easy' | 'medium' | 'hard';

export interface EaseContribution {
  factor: EaseFactor;
  input: number | string;
  /** s_f, 0–1. */
  score: number;
  weight: number;
  /** Points of EoI the factor costs: 100 × w_f s_f / Σ w. The points lost add up to 100 − EoI. */
  pointsLost: number;
}

export interface Ease {
  /** EoI, 0–100 (100 when no factor is known). */
  ease: number;
  bucket: EaseBucket;
  complexity: number;
  factors: EaseContribution[];
}

/** Easy from 70, Medium from 40, Hard below. */
export function easeBucket(ease: number): EaseBucket {
  return ease >= 70 ? 'easy' : ease >= 40 ? 'medium' : 'hard';
}

/**
 * Complexity = Σ_f w_f s_f / Σ_f w_f over the factors given; EoI = 100 × (1 − Complexity);
 * Easy (≥ 70), Medium (40–69), Hard (< 40). Each factor's points lost are returned for the UI.
 *
 * @example
 * easeOfImplementation({ applications: 3, ruleBasedShare: 0.9, stability: 4, dataClass: 'confidential' })
 * // Σw = 7; Σ w s = 2×0.5 + 2×0.1 + 2×0.25 + 1×2/3 = 2.3667; complexity 0.33810; EoI 66.19 → medium
 */
export function easeOfImplementation(input: EaseInput, weights: Readonly<Record<EaseFactor, number>> = DEFAULT_EASE_WEIGHTS): Ease {
  const given = (Object.keys(DEFAULT_EASE_WEIGHTS) as EaseFactor[]).filter((f) => input[f] !== undefined && weights[f] > 0);
  const totalWeight = given.reduce((sum, f) => sum + weights[f], 0);
  const factors = given.map((factor) => {
    const value = input[factor] as number | string;
    const score = complexityScore(factor, value);
    return { factor, input: value, score, weight: weights[factor], pointsLost: (100 * weights[factor] * score) / totalWeight };
  });
  const complexity = totalWeight === 0 ? 0 : factors.reduce((sum, f) => sum + f.weight * f.score, 0) / totalWeight;
  const ease = 100 * (1 - complexity);
  return { ease, bucket: easeBucket(ease), complexity, factors };
}
