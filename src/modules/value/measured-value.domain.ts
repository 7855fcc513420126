import type { RunValueFact } from './actual-value.domain.ts';
import { DEFAULT_ADOPTION } from './benefit.domain.ts';
import { periodsPerYear } from './volumetry.domain.ts';

/**
 * The rules that turn an idea and the engine's records into the inputs of `actualValue`:
 * how many minutes of a person a task took, and what an idea was expected to save when it has
 * no detailed assessment yet. Pure: the service reads the rows.
 */

/** A human task of a run, as the engine's task table records it. */
export interface HumanTaskFact {
  runId: string;
  /** approval | form | task | exception */
  kind: string;
  /** open | claimed | done | expired | cancelled */
  status: string;
  claimedAt: string | null;
  closedAt: string | null;
  /** Minutes its deciders said they spent, summed; null (or absent) when nobody said. */
  spentMinutes?: number | null;
}

/** Minutes a task of each kind takes a person when nobody claimed it first (so its working time is unknown). */
export const HUMAN_MINUTES_DEFAULT: Readonly<Record<string, number>> = { approval: 2, form: 5, task: 10, exception: 15 };
/** A claimed task counts at most this many minutes: a task claimed on Friday and closed on Monday was not worked all weekend. */
export const HUMAN_MINUTES_CAP = 60;

/**
 * Human minutes of one task:
 * - when its deciders said how long they spent (optional on every decision), the sum of what
 *   they said — whatever the task's status: that work was done;
 * - a task nobody completed (open, expired, cancelled) cost nobody's work: 0;
 * - a completed task that was claimed first: claim → close in minutes, capped at 60;
 * - a completed task decided without a claim: the default of its kind (approval 2, form 5,
 *   to-do 10, exception 15 minutes).
 *
 * @example
 * taskHumanMinutes({ runId: 'r', kind: 'exception', status: 'done', claimedAt: '…T10:00Z', closedAt: '…T10:12Z' }) // 12
 */
export function taskHumanMinutes(task: HumanTaskFact): number {
  if (task.spentMinutes !== null && task.spentMinutes !== undefined) return Math.max(0, task.spentMinutes);
  if (task.status !== 'done') return 0;
  if (task.claimedAt && task.closedAt) {
    const minutes = (Date.parse(task.closedAt) - Date.parse(task.claimedAt)) / 60_000;
    return Math.min(HUMAN_MINUTES_CAP, Math.max(0, minutes));
  }
  return HUMAN_MINUTES_DEFAULT[task.kind] ?? 0;
}

/**
 * One `RunValueFact` per ended run: its tasks' human minutes summed by bucket — exceptions,
 * approvals and forms, and to-dos (the manual fixes a workflow hands to a person).
 */
export function runValueFacts(
  runs: readonly { id: string; status: string; finishedAt: string | null }[],
  tasks: readonly HumanTaskFact[],
): RunValueFact[] {
  const byRun = new Map<string, { exceptionMinutes: number; approvalMinutes: number; manualFixMinutes: number }>();
  for (const task of tasks) {
    const entry = byRun.get(task.runId) ?? { exceptionMinutes: 0, approvalMinutes: 0, manualFixMinutes: 0 };
    const minutes = taskHumanMinutes(task);
    if (task.kind === 'exception') entry.exceptionMinutes += minutes;
    else if (task.kind === 'task') entry.manualFixMinutes += minutes;
    else entry.approvalMinutes += minutes;
    byRun.set(task.runId, entry);
  }
  return runs.map((r) => ({
    status: r.status,
    finishedAt: r.finishedAt,
    ...(byRun.get(r.id) ?? { exceptionMinutes: 0, approvalMinutes: 0, manualFixMinutes: 0 }),
  }));
}

/** Share of a case's minutes an automation takes over when only the quick screen is known. */
export const QUICK_SCREEN_POTENTIAL = 0.5;
/** Hourly cost of people's time when neither an assessment nor a setting gives one. */
export const DEFAULT_HOURLY_COST = 50;

const QUICK_FREQUENCY = { day: 'daily', week: 'weekly', month: 'monthly' } as const;

export interface QuickScreenFacts {
  frequencyPeriod: string;
  frequencyCount: number;
  minutesPerCase: number;
}

export interface AssessedFacts {
  netValuePerYear: number;
  hoursSavedPerYear: number;
  minutesSavedPerRun: number;
  hourlyCost: number;
}

export interface ValueOverrides {
  minutesSavedPerRun: number | null;
  hourlyCost: number | null;
}

export interface ExpectedValue {
  source: 'assessment' | 'quick-screen';
  /** Hours a year the automation is expected to save. */
  hoursPerYear: number;
  /** Expected yearly value of that time: hours × hourly cost (what realisation compares with). */
  valuePerYear: number;
  /** The assessment's PERT expected net yearly value (after run costs); null from the quick screen. */
  netValuePerYear: number | null;
  /** Minutes one successful run saves: the setting, else the assessment's, else the quick screen's. */
  minutesSavedPerRun: number;
  hourlyCost: number;
}

/**
 * Expected value of an idea:
 * - assessed: hours a year = the assessment's hours saved; value = hours × c_h; minutes per
 *   run = the assessment's;
 * - else from the quick screen: cases a year = count × periods a year (day 220, week 52,
 *   month 12); hours a year = cases × t_case / 60 × 0.5 (potential) × 0.8 (adoption);
 *   minutes per run = t_case × 0.5; c_h = 50;
 * - a setting overrides minutes per run and c_h (c_h then prices the expected hours too).
 *
 * @example
 * // quick screen: 20 a day × 6 min: 4,400 cases, 440 h × 0.4 = 176 h a year, 8,800 at 50; 3 min a run
 */
export function expectedValue(screen: QuickScreenFacts, assessed: AssessedFacts | null, overrides: ValueOverrides): ExpectedValue {
  if (assessed) {
    const hourlyCost = overrides.hourlyCost ?? assessed.hourlyCost;
    return {
      source: 'assessment',
      hoursPerYear: assessed.hoursSavedPerYear,
      valuePerYear: assessed.hoursSavedPerYear * hourlyCost,
      netValuePerYear: assessed.netValuePerYear,
      minutesSavedPerRun: overrides.minutesSavedPerRun ?? assessed.minutesSavedPerRun,
      hourlyCost,
    };
  }
  const frequency = QUICK_FREQUENCY[screen.frequencyPeriod as keyof typeof QUICK_FREQUENCY] ?? 'weekly';
  const cases = screen.frequencyCount * periodsPerYear(frequency);
  const hoursPerYear = ((cases * screen.minutesPerCase) / 60) * QUICK_SCREEN_POTENTIAL * DEFAULT_ADOPTION;
  const hourlyCost = overrides.hourlyCost ?? DEFAULT_HOURLY_COST;
  return {
    source: 'quick-screen',
    hoursPerYear,
    valuePerYear: hoursPerYear * hourlyCost,
    netValuePerYear: null,
    minutesSavedPerRun: overrides.minutesSavedPerRun ?? screen.minutesPerCase * QUICK_SCREEN_POTENTIAL,
    hourlyCost,
  };
}

/**
 * The window an automation is measured over: [max(from, live since), to). Runs before it went
 * live are tests, and expecting value before it was live would understate its realisation.
 * Null when it went live after the window.
 */
export function measuredWindow(from: number, to: number, liveSince: number | null): { from: number; to: number } | null {
  const start = liveSince === null ? from : Math.max(from, liveSince);
  return start < to ? { from: start, to } : null;
}
