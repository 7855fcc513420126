import { type Estimate, pick, type Scenario } from './estimate.domain.ts';

/**
 * Volumetry → AS-IS: how much the process costs today, per year.
 */

/** How often `volume` cases arrive. */
export const FREQUENCIES = ['hourly', 'daily', 'weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * The working-time assumption. Defaults: 220 working days a year (365 − 104 weekend days −
 * ~25 days of holidays and leave) of 8 hours = 1,760 hours, one full-time equivalent (FTE).
 * Both are parameters: an organisation sets its own.
 */
export interface WorkingTime {
  daysPerYear: number;
  hoursPerDay: number;
}
export const DEFAULT_WORKING_TIME: WorkingTime = { daysPerYear: 220, hoursPerDay: 8 };

/** The volumetry of a process; numbers may be three-point estimates. */
export interface Volumetry {
  frequency: Frequency;
  /** Cases per period of `frequency`. */
  volume: Estimate;
  /** Hands-on minutes to handle one case. */
  minutesPerCase: Estimate;
  /** Share of cases with an error to fix, 0–1. */
  errorRate: Estimate;
  /** Minutes to fix one erroneous case (rework). */
  reworkMinutes: Estimate;
  /** Share of cases someone else reviews (four-eyes check), 0–1. */
  reviewShare: Estimate;
  /** Minutes one review takes. */
  reviewMinutes: Estimate;
  /** Fully loaded cost of an hour of the people who do the work (salary, taxes, overheads). */
  hourlyCost: Estimate;
  /** Applications the process touches (their count feeds ease of implementation). */
  applications: readonly string[];
}

/**
 * Periods per year k(frequency): hourly = days × hours per day, daily = working days,
 * weekly = 52, biweekly = 26, monthly = 12, quarterly = 4, yearly = 1.
 */
export function periodsPerYear(frequency: Frequency, time: WorkingTime = DEFAULT_WORKING_TIME): number {
  switch (frequency) {
    case 'hourly':
      return time.daysPerYear * time.hoursPerDay;
    case 'daily':
      return time.daysPerYear;
    case 'weekly':
      return 52;
    case 'biweekly':
      return 26;
    case 'monthly':
      return 12;
    case 'quarterly':
      return 4;
    case 'yearly':
      return 1;
  }
}

/** The AS-IS figures of one scenario. */
export interface AsIs {
  /** N_yr: cases per year. */
  casesPerYear: number;
  /** Minutes of people's time per case, errors and reviews included. */
  minutesPerCase: number;
  /** H_asis: hours per year. */
  hoursPerYear: number;
  /** C_asis: cost per year. */
  costPerYear: number;
  /** FTE: full-time people the process keeps busy. */
  fte: number;
  /** Cases with an error per year (N_yr × e). */
  errorsPerYear: number;
}

/**
 * AS-IS effort of one scenario (each estimate taken at its pessimistic, likely or optimistic
 * end — more volume, minutes, errors, reviews and cost mean more to save, so "pessimistic"
 * takes their low ends):
 *
 * - N_yr = volume × k(frequency)
 * - t_case = t_proc + e × t_rework + a × t_review (minutes; e = error rate, a = share reviewed)
 * - H_asis = N_yr × t_case / 60
 * - C_asis = H_asis × c_h (c_h = fully loaded hourly cost)
 * - FTE = H_asis / (working days × hours per day)
 *
 * @example
 * // 40 invoices a day, 6 min each, 5 % need 20 min of rework, 25 % are reviewed in 2 min, 50 an hour:
 * asIs({ frequency: 'daily', volume: 40, minutesPerCase: 6, errorRate: 0.05, reworkMinutes: 20,
 *        reviewShare: 0.25, reviewMinutes: 2, hourlyCost: 50, applications: [] }, 'likely')
 * // { casesPerYear: 8800, minutesPerCase: 7.5, hoursPerYear: 1100, costPerYear: 55000, fte: 0.625, errorsPerYear: 440 }
 */
export function asIs(v: Volumetry, scenario: Scenario = 'likely', time: WorkingTime = DEFAULT_WORKING_TIME): AsIs {
  const up = (e: Estimate) => pick(e, scenario, 'more-is-better');
  const casesPerYear = up(v.volume) * periodsPerYear(v.frequency, time);
  const errorRate = up(v.errorRate);
  const minutesPerCase = up(v.minutesPerCase) + errorRate * up(v.reworkMinutes) + up(v.reviewShare) * up(v.reviewMinutes);
  const hoursPerYear = (casesPerYear * minutesPerCase) / 60;
  return {
    casesPerYear,
    minutesPerCase,
    hoursPerYear,
    costPerYear: hoursPerYear * up(v.hourlyCost),
    fte: hoursPerYear / (time.daysPerYear * time.hoursPerDay),
    errorsPerYear: casesPerYear * errorRate,
  };
}
