/**
 * Three-point estimates: every input of an assessment may be a plain number or a range
 * `{ low, likely, high }`, and every money figure the assessment shows is a range with its
 * PERT (beta) expected value and standard deviation.
 */

/** A three-point estimate: low ≤ likely ≤ high. */
export interface Range {
  low: number;
  likely: number;
  high: number;
}

/** An input: one number (no uncertainty) or a three-point range. */
export type Estimate = number | Range;

/** Which end of a range a scenario takes: the pessimistic one, the likely value, the optimistic one. */
export type Scenario = 'pessimistic' | 'likely' | 'optimistic';
export const SCENARIOS: readonly Scenario[] = ['pessimistic', 'likely', 'optimistic'];

/** Whether more of an input is good for the value (volume, minutes saved) or bad (build cost, run cost). */
export type Direction = 'more-is-better' | 'more-is-worse';

/** A figure with its PERT summary. */
export interface ThreePoint extends Range {
  /** PERT expected value E = (low + 4 × likely + high) / 6. */
  expected: number;
  /** PERT standard deviation σ = (high − low) / 6. */
  sd: number;
}

/** Throws a RangeError unless low ≤ likely ≤ high and all are finite (the API schemas reject this first, with field errors). */
export function assertRange(r: Range, what = 'estimate'): void {
  if (![r.low, r.likely, r.high].every(Number.isFinite)) throw new RangeError(`${what}: low, likely and high must be finite numbers`);
  if (r.low > r.likely || r.likely > r.high)
    throw new RangeError(`${what}: needs low ≤ likely ≤ high (got ${r.low}, ${r.likely}, ${r.high})`);
}

/** The range of an estimate; a plain number n is the range { n, n, n }. */
export function toRange(e: Estimate): Range {
  const r = typeof e === 'number' ? { low: e, likely: e, high: e } : e;
  assertRange(r);
  return r;
}

/**
 * PERT summary of a three-point estimate:
 *
 * - expected E = (L + 4M + H) / 6
 * - standard deviation σ = (H − L) / 6
 *
 * @example
 * pert({ low: 10, likely: 20, high: 60 }) // { low: 10, likely: 20, high: 60, expected: 25, sd: 8.333… }
 */
export function pert(r: Range): ThreePoint {
  assertRange(r);
  return { ...r, expected: (r.low + 4 * r.likely + r.high) / 6, sd: (r.high - r.low) / 6 };
}

/**
 * The value an input takes in a scenario: the likely value in the likely scenario; in the
 * pessimistic one the low end of a more-is-better input and the high end of a more-is-worse
 * one; the reverse in the optimistic one.
 */
export function pick(e: Estimate, scenario: Scenario, direction: Direction): number {
  const r = toRange(e);
  if (scenario === 'likely') return r.likely;
  const wantLow = (scenario === 'pessimistic') === (direction === 'more-is-better');
  return wantLow ? r.low : r.high;
}

/**
 * Turns a figure computed once per scenario into a range: low = the smallest of the three,
 * high = the largest, likely = the likely scenario's. Every figure of the assessment is
 * monotone in each input, so the likely one lies between the pessimistic and optimistic ones.
 */
export function rangeOf(byScenario: Record<Scenario, number>): ThreePoint {
  const values = [byScenario.pessimistic, byScenario.likely, byScenario.optimistic];
  return pert({ low: Math.min(...values), likely: byScenario.likely, high: Math.max(...values) });
}
