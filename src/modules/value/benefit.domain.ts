import { type Estimate, pick, rangeOf, SCENARIOS, type Scenario, type ThreePoint } from './estimate.domain.ts';
import { asIs, DEFAULT_WORKING_TIME, type Volumetry, type WorkingTime } from './volumetry.domain.ts';

/**
 * Expected benefit, cost, net value, payback, ROI and NPV of an automation, each computed in
 * the pessimistic, likely and optimistic scenarios and shown as low / likely / high with its
 * PERT expected value.
 */

export interface BenefitInput {
  /** Share of cases the workflow will actually handle once live, 0–1 (people keep some manual). Default 0.8. */
  adoption?: Estimate;
  /** Cost of one error beyond the rework time (which the AS-IS hours already count): penalties, refunds, lost customers. Default 0. */
  costPerError?: Estimate;
  /** Other yearly benefits, e.g. a licence no longer needed. Default 0. */
  otherBenefits?: Estimate;
}

export interface CostInput {
  /** Hours to build, test and release the workflow. */
  buildHours: Estimate;
  /** Fully loaded hourly cost of the builders (also used for support). */
  builderHourlyCost: number;
  /** Money spent on the build besides hours (licences, consultants). Default 0. */
  buildOtherCost?: Estimate;
  /** Yearly platform cost charged to this automation (hosting, connector licences). Default 0. */
  platformCostPerYear?: Estimate;
  /** Yearly maintenance as a share of the build cost, 0–1. Default 0.15. */
  maintenanceShare?: Estimate;
  /** Hours of support a year (exceptions are measured later; this is the builders' time). Default 0. */
  supportHoursPerYear?: Estimate;
}

export interface ValueInput {
  volumetry: Volumetry;
  /** AP from `automationPotential`, 0–1. */
  potential: number;
  benefit?: BenefitInput;
  cost: CostInput;
  /** Yearly discount rate r of the NPV, e.g. 0.08. Default 0.08. */
  discountRate?: number;
  /** Multiplies hours saved and errors avoided (the category's calibration factor). Default 1. */
  calibration?: number;
}

/** Every figure of one scenario. */
export interface ScenarioValue {
  hoursAsIs: number;
  costAsIs: number;
  /** H_saved = H_asis × AP × adoption × calibration. */
  hoursSaved: number;
  errorsAvoided: number;
  /** V_yr. */
  benefit: number;
  build: number;
  /** Run_yr. */
  run: number;
  /** Net_yr = V_yr − Run_yr. */
  net: number;
  /** Months; null when Net_yr ≤ 0 (never pays back). */
  payback: number | null;
  /** ROI_1y; null when the build costs nothing. */
  roi: number | null;
  npv: number;
}

export const DEFAULT_ADOPTION = 0.8;
export const DEFAULT_MAINTENANCE_SHARE = 0.15;
export const DEFAULT_DISCOUNT_RATE = 0.08;
export const NPV_YEARS = 3;

/**
 * Months to earn the build cost back: Build / (Net_yr / 12); null when Net_yr ≤ 0 ("no payback"),
 * 0 when nothing was spent.
 */
export function paybackMonths(build: number, net: number): number | null {
  if (net <= 0) return null;
  return build / (net / 12);
}

/** First-year ROI = (Net_yr − Build) / Build; null when Build = 0 (no investment to return on). */
export function firstYearRoi(build: number, net: number): number | null {
  return build === 0 ? null : (net - build) / build;
}

/** NPV over `years` = −Build + Σ_{t=1..years} Net_yr / (1 + r)^t. */
export function npv(build: number, net: number, rate: number, years = NPV_YEARS): number {
  let total = -build;
  for (let t = 1; t <= years; t++) total += net / (1 + rate) ** t;
  return total;
}

/**
 * One scenario:
 *
 * - H_saved = H_asis × AP × adoption × calibration
 * - errors avoided = N_yr × e × AP × adoption × calibration
 * - V_yr = H_saved × c_h + errors avoided × cost per error + other benefits
 * - Build = build hours × builder rate + other build cost
 * - Run_yr = platform cost + maintenance share × Build + support hours × builder rate
 * - Net_yr = V_yr − Run_yr, then payback, first-year ROI and NPV (above)
 *
 * "Pessimistic" takes the low end of what brings value and the high end of what costs.
 */
export function scenarioValue(input: ValueInput, scenario: Scenario, time: WorkingTime = DEFAULT_WORKING_TIME): ScenarioValue {
  const up = (e: Estimate | undefined, fallback: number) => pick(e ?? fallback, scenario, 'more-is-better');
  const down = (e: Estimate | undefined, fallback: number) => pick(e ?? fallback, scenario, 'more-is-worse');
  const base = asIs(input.volumetry, scenario, time);
  const b = input.benefit ?? {};
  const c = input.cost;
  const share = input.potential * up(b.adoption, DEFAULT_ADOPTION) * (input.calibration ?? 1);
  const hoursSaved = base.hoursPerYear * share;
  const errorsAvoided = base.errorsPerYear * share;
  const hourlyCost = up(input.volumetry.hourlyCost, 0);
  const benefit = hoursSaved * hourlyCost + errorsAvoided * up(b.costPerError, 0) + up(b.otherBenefits, 0);
  const build = down(c.buildHours, 0) * c.builderHourlyCost + down(c.buildOtherCost, 0);
  const run =
    down(c.platformCostPerYear, 0) +
    down(c.maintenanceShare, DEFAULT_MAINTENANCE_SHARE) * build +
    down(c.supportHoursPerYear, 0) * c.builderHourlyCost;
  const net = benefit - run;
  return {
    hoursAsIs: base.hoursPerYear,
    costAsIs: base.costPerYear,
    hoursSaved,
    errorsAvoided,
    benefit,
    build,
    run,
    net,
    payback: paybackMonths(build, net),
    roi: firstYearRoi(build, net),
    npv: npv(build, net, input.discountRate ?? DEFAULT_DISCOUNT_RATE),
  };
}

/** A figure that may be undefined in a scenario (payback: never; ROI: nothing invested). */
export interface MaybeThreePoint {
  low: number | null;
  likely: number | null;
  high: number | null;
  /** PERT expected value; null when a scenario has no value. */
  expected: number | null;
  sd: number | null;
}

export type Verdict = 'viable' | 'uncertain' | 'not-viable';

export interface Valuation {
  scenarios: Record<Scenario, ScenarioValue>;
  hoursAsIs: ThreePoint;
  costAsIs: ThreePoint;
  hoursSaved: ThreePoint;
  benefit: ThreePoint;
  build: ThreePoint;
  run: ThreePoint;
  net: ThreePoint;
  /** low = the shortest payback; high = null when the pessimistic scenario never pays back. */
  payback: MaybeThreePoint;
  roi: MaybeThreePoint;
  npv: ThreePoint;
  /** not-viable: likely Net_yr ≤ 0; uncertain: likely > 0 but pessimistic ≤ 0; viable: even pessimistic > 0. */
  verdict: Verdict;
}

function maybeRange(byScenario: Record<Scenario, number | null>): MaybeThreePoint {
  const { pessimistic, likely, optimistic } = byScenario;
  if (pessimistic === null || likely === null || optimistic === null) {
    // A missing value is unbounded above: a payback that never comes, a return on nothing invested.
    const known = [pessimistic, likely, optimistic].filter((x): x is number => x !== null);
    return { low: known.length ? Math.min(...known) : null, likely, high: null, expected: null, sd: null };
  }
  return rangeOf({ pessimistic, likely, optimistic });
}

/**
 * The full valuation: every figure in the three scenarios, as low / likely / high with the
 * PERT expected value E = (L + 4M + H) / 6 and σ = (H − L) / 6, and the verdict.
 */
export function valuate(input: ValueInput, time: WorkingTime = DEFAULT_WORKING_TIME): Valuation {
  const scenarios = Object.fromEntries(SCENARIOS.map((s) => [s, scenarioValue(input, s, time)])) as Record<Scenario, ScenarioValue>;
  const of = (key: 'hoursAsIs' | 'costAsIs' | 'hoursSaved' | 'benefit' | 'build' | 'run' | 'net' | 'npv') =>
    rangeOf({ pessimistic: scenarios.pessimistic[key], likely: scenarios.likely[key], optimistic: scenarios.optimistic[key] });
  const verdict: Verdict = scenarios.likely.net <= 0 ? 'not-viable' : scenarios.pessimistic.net <= 0 ? 'uncertain' : 'viable';
  return {
    scenarios,
    hoursAsIs: of('hoursAsIs'),
    costAsIs: of('costAsIs'),
    hoursSaved: of('hoursSaved'),
    benefit: of('benefit'),
    build: of('build'),
    run: of('run'),
    net: of('net'),
    payback: maybeRange({
      pessimistic: scenarios.pessimistic.payback,
      likely: scenarios.likely.payback,
      optimistic: scenarios.optimistic.payback,
    }),
    roi: maybeRange({ pessimistic: scenarios.pessimistic.roi, likely: scenarios.likely.roi, optimistic: scenarios.optimistic.roi }),
    npv: of('npv'),
    verdict,
  };
}
