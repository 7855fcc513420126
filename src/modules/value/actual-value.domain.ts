/**
 * Actual value: what a live automation really saved, from the engine's run records, compared
 * with what its assessment expected; and the calibration that feeds back into new estimates.
 */

/** What one run says about value. */
export interface RunValueFact {
  status: string;
  /** When the run ended (ISO); runs still going are not counted. */
  finishedAt: string | null;
  /** Minutes people spent on the run's exception tasks. */
  exceptionMinutes: number;
  /** Minutes people spent on its approvals (and forms). */
  approvalMinutes: number;
  /** Minutes of manual fixes recorded against it (reprocessing). */
  manualFixMinutes: number;
}

export interface ActualValueParams {
  /** Minutes of manual work one successful run saves (from the assessment, adjustable). */
  minutesSavedPerRun: number;
  hourlyCost: number;
  /** The window measured, [from, to) in epoch ms. */
  from: number;
  to: number;
}

export interface ActualPeriod {
  /** Monday of the week (YYYY-MM-DD) or the month (YYYY-MM). */
  period: string;
  succeededRuns: number;
  hoursSaved: number;
  humanHours: number;
  /** H_actual = hours saved − human hours. */
  hours: number;
  /** V_actual = H_actual × c_h. */
  value: number;
}

export interface ActualValue {
  runs: number;
  succeededRuns: number;
  hoursSaved: number;
  humanHours: number;
  hours: number;
  value: number;
  /** Averages over the window: total × 7 / days, and total × 30.4375 / days (a mean month). */
  hoursPerWeek: number;
  valuePerWeek: number;
  hoursPerMonth: number;
  valuePerMonth: number;
  weeks: ActualPeriod[];
  months: ActualPeriod[];
}

const DAY = 86_400_000;

/**
 * Minutes one successful run saves, by default (the builder may adjust it): the AS-IS minutes
 * of a case (errors and reviews included) × AP — the share of a case's hands-on time the workflow
 * takes over. Adoption is not in it: it decides how many cases run, which the runs count.
 *
 * @example
 * defaultMinutesSavedPerRun(7.5, 0.8) // 6
 */
export function defaultMinutesSavedPerRun(minutesPerCase: number, potential: number): number {
  return minutesPerCase * potential;
}
/** Days of a mean Gregorian month: 365.25 / 12. */
export const DAYS_PER_MONTH = 30.4375;

/** Monday 00:00 UTC of the week `at` falls in, as YYYY-MM-DD. */
export function weekOf(at: number): string {
  const d = new Date(at);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return new Date(midnight - ((d.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
}

const monthOf = (at: number) => new Date(at).toISOString().slice(0, 7);

/**
 * Actual value of an automation over a window, from its runs:
 *
 * - hours saved = Σ over succeeded runs of t_saved / 60 (t_saved: minutes saved per run);
 * - human hours = Σ over all ended runs of (exception + approval + manual-fix minutes) / 60
 *   (a failed run saves nothing but still costs the people who clean it up);
 * - H_actual = hours saved − human hours; V_actual = H_actual × c_h;
 * - per week = total × 7 / window days; per month = total × 30.4375 / window days;
 * - also bucketed by ISO week (Monday, UTC) and calendar month (UTC) of the run's end.
 *
 * Runs that ended outside [from, to) or have not ended are left out.
 *
 * @example
 * // 28 days, 100 succeeded runs saving 6 min, 2 failed runs with 30 min of exception work, 50 an hour:
 * // saved 10 h, human 1 h, H_actual 9 h, V_actual 450; per week 2.25 h and 112.5
 */
export function actualValue(runs: readonly RunValueFact[], params: ActualValueParams): ActualValue {
  const weeks = new Map<string, ActualPeriod>();
  const months = new Map<string, ActualPeriod>();
  const bucket = (map: Map<string, ActualPeriod>, period: string) => {
    let p = map.get(period);
    if (!p) {
      p = { period, succeededRuns: 0, hoursSaved: 0, humanHours: 0, hours: 0, value: 0 };
      map.set(period, p);
    }
    return p;
  };
  let counted = 0;
  for (const run of runs) {
    if (run.finishedAt === null) continue;
    const at = Date.parse(run.finishedAt);
    if (!(at >= params.from && at < params.to)) continue;
    counted += 1;
    const succeeded = run.status === 'succeeded';
    const saved = succeeded ? params.minutesSavedPerRun / 60 : 0;
    const human = (run.exceptionMinutes + run.approvalMinutes + run.manualFixMinutes) / 60;
    for (const p of [bucket(weeks, weekOf(at)), bucket(months, monthOf(at))]) {
      if (succeeded) p.succeededRuns += 1;
      p.hoursSaved += saved;
      p.humanHours += human;
      p.hours = p.hoursSaved - p.humanHours;
      p.value = p.hours * params.hourlyCost;
    }
  }
  const sum = (key: 'succeededRuns' | 'hoursSaved' | 'humanHours') => [...weeks.values()].reduce((s, p) => s + p[key], 0);
  const hoursSaved = sum('hoursSaved');
  const humanHours = sum('humanHours');
  const hours = hoursSaved - humanHours;
  const days = Math.max(0, params.to - params.from) / DAY;
  const per = (total: number, periodDays: number) => (days === 0 ? 0 : (total * periodDays) / days);
  const sorted = (map: Map<string, ActualPeriod>) => [...map.values()].sort((a, b) => a.period.localeCompare(b.period));
  return {
    runs: counted,
    succeededRuns: sum('succeededRuns'),
    hoursSaved,
    humanHours,
    hours,
    value: hours * params.hourlyCost,
    hoursPerWeek: per(hours, 7),
    valuePerWeek: per(hours * params.hourlyCost, 7),
    hoursPerMonth: per(hours, DAYS_PER_MONTH),
    valuePerMonth: per(hours * params.hourlyCost, DAYS_PER_MONTH),
    weeks: sorted(weeks),
    months: sorted(months),
  };
}

/**
 * Realisation = V_actual ÷ V_expected over the same window, where V_expected = the expected
 * yearly benefit × window days / 365.25. Null when nothing was expected (≤ 0) or the window is empty.
 *
 * @example
 * realisation(450, 7305, 28) // expected 7,305 × 28 / 365.25 = 560 → 0.8036
 */
export function realisation(actualValueInWindow: number, expectedPerYear: number, windowDays: number): number | null {
  if (expectedPerYear <= 0 || windowDays <= 0) return null;
  return actualValueInWindow / ((expectedPerYear * windowDays) / 365.25);
}

/** Median: the middle value, or the mean of the two middle values of an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Live automations a category needs before its calibration factor is trusted. */
export const MIN_CALIBRATION_SAMPLE = 3;

/**
 * Calibration factor of a category = median realisation of its live automations (those with a
 * realisation), or null below `minSample` of them. The median, not the mean, so that one
 * runaway success or one abandoned automation does not skew every new estimate.
 */
export function calibrationFactor(realisations: readonly (number | null)[], minSample = MIN_CALIBRATION_SAMPLE): number | null {
  const known = realisations.filter((r): r is number => r !== null && Number.isFinite(r));
  return known.length < minSample ? null : median(known);
}

/**
 * How a new estimate is shown calibrated: every point of its range × the factor (the value
 * side only: the factor is passed to `valuate` as `calibration`, which scales hours saved and
 * errors avoided; costs are not scaled). Without a factor, the estimate is shown as is.
 */
export function calibrated<T extends { low: number; likely: number; high: number }>(range: T, factor: number | null): T {
  if (factor === null) return range;
  return { ...range, low: range.low * factor, likely: range.likely * factor, high: range.high * factor };
}

/** One answer to the periodic "minutes saved per week?" prompt of a personal-productivity automation. */
export interface MinutesAnswer {
  userId: string;
  minutesPerWeek: number;
  answeredAt: string;
}

/**
 * Self-reported value of a personal-productivity automation over a window: each person's
 * answers in [from, to) are reduced to their median (one enthusiastic or grumpy week does not
 * count more than the rest), and the automation saves the sum of the people's medians.
 *
 * - minutes per week = Σ_people median(their answers); hours per week = that / 60;
 *   value per week = hours × c_h.
 *
 * @example
 * // Ann answers 30, 60, 40 → 40; Bob answers 20, 10 → 15: 55 min a week, 0.9167 h, 45.83 at 50 an hour
 */
export function selfReportedValue(answers: readonly MinutesAnswer[], hourlyCost: number, from: number, to: number) {
  const byUser = new Map<string, number[]>();
  for (const a of answers) {
    const at = Date.parse(a.answeredAt);
    if (!(at >= from && at < to)) continue;
    const list = byUser.get(a.userId) ?? [];
    list.push(a.minutesPerWeek);
    byUser.set(a.userId, list);
  }
  const people = [...byUser.entries()].map(([userId, list]) => ({ userId, answers: list.length, minutesPerWeek: median(list) ?? 0 }));
  const minutesPerWeek = people.reduce((s, p) => s + p.minutesPerWeek, 0);
  return {
    people,
    respondents: people.length,
    minutesPerWeek,
    hoursPerWeek: minutesPerWeek / 60,
    valuePerWeek: (minutesPerWeek / 60) * hourlyCost,
  };
}
