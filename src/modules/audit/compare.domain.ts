import type { EventLog } from './event-log.domain.ts';

/** Costing assumptions of a before/after comparison (documented; the user can change them). */
export interface CostParameters {
  /** Cost of an hour of a person's time. */
  hourlyCost: number;
  /** Minutes of work a person spends on one step, when the log has no start times to measure it. */
  minutesPerPeopleStep: number;
  /** The resource name of the machine's steps (not costed as people time). */
  machine: string;
}

export const DEFAULT_COST: CostParameters = { hourlyCost: 40, minutesPerPeopleStep: 10, machine: 'Symbiont' };

export interface ProcessFigures {
  cases: number;
  /** Case duration (last − first event), seconds. */
  throughputMedianSeconds: number | null;
  throughputMeanSeconds: number | null;
  /**
   * Mean per case of the time between steps: Σ over events after the first of (start − previous
   * completion) when the event has a start time, else (completion − previous completion).
   */
  waitingMeanSeconds: number | null;
  /** Cases in which some activity occurs more than once ÷ cases. */
  reworkShare: number | null;
  /** Events per case done by a person (any resource but the machine's; events without a resource count as people's). */
  peopleStepsPerCase: number | null;
  /** peopleStepsPerCase × minutesPerPeopleStep ÷ 60 × hourlyCost. */
  costPerCase: number | null;
}

/** The figures of one process (an imported log, or a workflow's runs). */
export function processFigures(log: EventLog, cost: CostParameters = DEFAULT_COST): ProcessFigures {
  const n = log.caseIds.length;
  if (n === 0) {
    return {
      cases: 0,
      throughputMedianSeconds: null,
      throughputMeanSeconds: null,
      waitingMeanSeconds: null,
      reworkShare: null,
      peopleStepsPerCase: null,
      costPerCase: null,
    };
  }
  const machine = log.resources.indexOf(cost.machine);
  const durations: number[] = [];
  let waiting = 0;
  let reworked = 0;
  let peopleSteps = 0;
  for (let c = 0; c < n; c++) {
    const from = log.caseStart[c] as number;
    const to = log.caseStart[c + 1] as number;
    durations.push(((log.time[to - 1] as number) - (log.time[from] as number)) / 1000);
    const seen = new Set<number>();
    let repeated = false;
    for (let e = from; e < to; e++) {
      const a = log.activity[e] as number;
      if (seen.has(a)) repeated = true;
      seen.add(a);
      if ((log.resource[e] as number) !== machine || machine < 0) peopleSteps += 1;
      if (e === from) continue;
      const start = log.startTime ? (log.startTime[e] as number) : Number.NaN;
      const previous = log.time[e - 1] as number;
      waiting += Math.max(0, (Number.isNaN(start) ? (log.time[e] as number) : start) - previous) / 1000;
    }
    if (repeated) reworked += 1;
  }
  durations.sort((a, b) => a - b);
  const mid = n >> 1;
  const median = n % 2 === 1 ? (durations[mid] as number) : ((durations[mid - 1] as number) + (durations[mid] as number)) / 2;
  const perCase = peopleSteps / n;
  return {
    cases: n,
    throughputMedianSeconds: median,
    throughputMeanSeconds: durations.reduce((s, d) => s + d, 0) / n,
    waitingMeanSeconds: waiting / n,
    reworkShare: reworked / n,
    peopleStepsPerCase: perCase,
    costPerCase: ((perCase * cost.minutesPerPeopleStep) / 60) * cost.hourlyCost,
  };
}

/** Before and after side by side; change = after ÷ before − 1 for each figure (null when either is missing or before is 0). */
export function compareProcesses(before: ProcessFigures, after: ProcessFigures) {
  const keys = [
    'throughputMedianSeconds',
    'throughputMeanSeconds',
    'waitingMeanSeconds',
    'reworkShare',
    'peopleStepsPerCase',
    'costPerCase',
  ] as const;
  const change = Object.fromEntries(
    keys.map((k) => {
      const b = before[k];
      const a = after[k];
      return [k, b === null || a === null || b === 0 ? null : a / b - 1];
    }),
  ) as Record<(typeof keys)[number], number | null>;
  return { before, after, change };
}
