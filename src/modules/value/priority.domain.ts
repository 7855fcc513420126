/**
 * Priority: where an idea sits on the value-versus-ease chart, and the transparent priority
 * score that orders the roadmap.
 */

export type Quadrant = 'quick-win' | 'strategic-bet' | 'fill-in' | 'avoid';

export interface QuadrantThresholds {
  /** Normalised value (0–1) from which an idea is "high value". Default 0.5. */
  value: number;
  /** EoI (0–100) from which an idea is "easy". Default 50: the middle of the Medium bucket's range. */
  ease: number;
}
export const DEFAULT_QUADRANT_THRESHOLDS: QuadrantThresholds = { value: 0.5, ease: 50 };

/**
 * Normalised value V_norm = max(0, V) / max over the compared ideas of max(0, V), where V is
 * the PERT expected net yearly value; all zeros when none is positive. An idea that loses money
 * normalises to 0.
 *
 * @example
 * normaliseValues([40000, 10000, -5000]) // [1, 0.25, 0]
 */
export function normaliseValues(values: readonly number[]): number[] {
  const top = Math.max(0, ...values);
  return values.map((v) => (top === 0 ? 0 : Math.max(0, v) / top));
}

/**
 * The 2×2: quick win = high value and easy; strategic bet = high value, not easy; fill-in =
 * low value, easy; avoid = low value, not easy. High value: V_norm ≥ thresholds.value; easy:
 * EoI ≥ thresholds.ease.
 */
export function quadrant(valueNorm: number, ease: number, thresholds: QuadrantThresholds = DEFAULT_QUADRANT_THRESHOLDS): Quadrant {
  const high = valueNorm >= thresholds.value;
  const easy = ease >= thresholds.ease;
  return high ? (easy ? 'quick-win' : 'strategic-bet') : easy ? 'fill-in' : 'avoid';
}

/** An objective the idea declares a contribution to. */
export interface ObjectiveLink {
  /** π_o: the objective's priority weight (BSC perspective weight × objective weight), ≥ 0. */
  weight: number;
  /** c_o ∈ {0, 1, 2, 3}: none, some, strong, critical contribution. */
  contribution: number;
}

/**
 * Strategic alignment SA = Σ_o π_o × c_o / (3 × Σ_o π_o) over the organisation's objectives
 * (those the idea does not contribute to count with c = 0): 1 when the idea contributes
 * critically to every objective, 0 with no contribution. Null with no weighted objective.
 *
 * @example
 * strategicAlignment([{ weight: 2, contribution: 3 }, { weight: 1, contribution: 0 }, { weight: 1, contribution: 2 }])
 * // (6 + 0 + 2) / (3 × 4) = 0.6667
 */
export function strategicAlignment(objectives: readonly ObjectiveLink[]): number | null {
  const total = objectives.reduce((s, o) => s + o.weight, 0);
  if (total <= 0) return null;
  return objectives.reduce((s, o) => s + o.weight * o.contribution, 0) / (3 * total);
}

/**
 * Confidence of an estimate from its spread: Conf = 1 / (1 + σ / |E|) of the net value
 * (1 for a point estimate, ½ when σ equals the expected value); 0 when E = 0.
 */
export function confidenceFromSpread(expected: number, sd: number): number {
  if (expected === 0) return 0;
  return 1 / (1 + Math.abs(sd) / Math.abs(expected));
}

export interface PriorityInput {
  /** V_norm, 0–1. */
  value: number;
  /** SA, 0–1 (null: no objectives defined → neutral 1). */
  alignment: number | null;
  /** EoI, 0–100. */
  ease: number;
  /** Conf, 0–1. */
  confidence: number;
  votes: number;
}

export interface PriorityFactor {
  factor: 'value' | 'alignment' | 'ease' | 'confidence' | 'votes';
  /** The factor's value on 0–1 (votes: the count). */
  input: number;
  exponent: number | null;
  /** Its multiplier in the product: x^exponent, or 1 + 0.1 ln(1 + votes). */
  multiplier: number;
}

/** Exponents of the priority product: value matters most, votes only break ties. */
export const PRIORITY_EXPONENTS = { value: 0.4, alignment: 0.3, ease: 0.2, confidence: 0.1 } as const;
/** Smallest value a factor other than value takes in the product. */
export const PRIORITY_FLOOR = 0.05;

/**
 * Priority = V_norm^0.4 × SA^0.3 × (EoI/100)^0.2 × Conf^0.1 × (1 + 0.1 × ln(1 + votes)), on 0–1
 * before the vote bonus.
 *
 * - An idea with no positive value has priority 0 (it is not viable).
 * - Alignment, ease and confidence are floored at 0.05, so that one zero (no strategy linked
 *   yet, a hard build) lowers an idea a lot but does not erase it from the roadmap.
 * - With no objectives defined (alignment null), alignment counts as 1 for everyone.
 *
 * @example
 * priorityScore({ value: 1, alignment: 0.5, ease: 80, confidence: 0.8, votes: 4 })
 * // 1 × 0.5^0.3 × 0.8^0.2 × 0.8^0.1 × (1 + 0.1 ln 5) = 0.81225 × 0.95635 × 0.97793 × 1.16094 = 0.88192
 */
export function priorityScore(input: PriorityInput): { priority: number; factors: PriorityFactor[] } {
  const floor = (x: number) => Math.max(PRIORITY_FLOOR, Math.min(1, x));
  const value = Math.max(0, Math.min(1, input.value));
  const parts: [PriorityFactor['factor'], number, number][] = [
    ['value', value, PRIORITY_EXPONENTS.value],
    ['alignment', input.alignment === null ? 1 : floor(input.alignment), PRIORITY_EXPONENTS.alignment],
    ['ease', floor(input.ease / 100), PRIORITY_EXPONENTS.ease],
    ['confidence', floor(input.confidence), PRIORITY_EXPONENTS.confidence],
  ];
  const factors: PriorityFactor[] = parts.map(([factor, x, exponent]) => ({ factor, input: x, exponent, multiplier: x ** exponent }));
  const votes = Math.max(0, input.votes);
  factors.push({ factor: 'votes', input: votes, exponent: null, multiplier: 1 + 0.1 * Math.log(1 + votes) });
  return { priority: factors.reduce((p, f) => p * f.multiplier, 1), factors };
}

export interface PlanItem {
  id: string;
  priority: number;
  /** Build hours (the likely estimate). */
  hours: number;
}

/**
 * Fills a quarter's builder capacity greedily: ideas in descending priority (ties: fewer hours
 * first, then id), each taken if its hours still fit; one that does not fit is skipped and the
 * next smaller one may still go in.
 *
 * @example
 * planCapacity([{ id: 'a', priority: 0.9, hours: 60 }, { id: 'b', priority: 0.8, hours: 50 }, { id: 'c', priority: 0.5, hours: 30 }], 100)
 * // { planned: ['a', 'c'], hours: 90, deferred: ['b'] }
 */
export function planCapacity(items: readonly PlanItem[], capacityHours: number) {
  const ordered = [...items].sort((a, b) => b.priority - a.priority || a.hours - b.hours || a.id.localeCompare(b.id));
  const planned: string[] = [];
  const deferred: string[] = [];
  let used = 0;
  for (const item of ordered) {
    if (used + item.hours <= capacityHours) {
      planned.push(item.id);
      used += item.hours;
    } else deferred.push(item.id);
  }
  return { planned, hours: used, deferred };
}
