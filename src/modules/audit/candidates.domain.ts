import type { EventLog } from './event-log.domain.ts';
import type { LogAnalysis } from './log-analysis.domain.ts';

/**
 * Which activities are worth automating, from the log alone. Each activity gets seven
 * measurements, each measurement is scaled to 0–1 across the log's activities (min–max; all 0
 * when every activity has the same value), and the score is their weighted sum × 100.
 */
export const CANDIDATE_WEIGHTS = {
  /** Events of the activity: how often the work is done. */
  frequency: 0.25,
  /** Σ of the time before each event of the activity (the gap from the previous event of its case): how much time it holds. */
  totalTime: 0.2,
  /** Median of that gap: a long wait before the activity is a queue that automation removes. */
  waitBefore: 0.15,
  /** Cases doing it more than once ÷ cases doing it: rework that rules and checks prevent. */
  rework: 0.15,
  /** Share of its events done by another resource than the case's previous event: hand-overs cost waiting and errors. */
  handovers: 0.1,
  /** Distinct resources doing it: many people doing the same thing is routine work (fewer = specialised). */
  resources: 0.05,
  /** 1 − coefficient of variation (σ ÷ mean) of the gaps, floored at 0: steady timing suggests a rule-based task. */
  regularity: 0.1,
} as const;

export type CandidateFactor = keyof typeof CANDIDATE_WEIGHTS;

export interface Candidate {
  activity: string;
  /** 0–100. */
  score: number;
  /** Raw measurements (seconds for times, 0–1 for shares). */
  events: number;
  cases: number;
  totalTimeSeconds: number;
  medianWaitSeconds: number | null;
  reworkRate: number;
  handoverRate: number;
  resources: number;
  regularity: number;
  /** Each factor's part of the score (points of 100), for the explanation. */
  contributions: Record<CandidateFactor, number>;
  /** Volumetry for an idea: cases a week over the log's time range, and the median minutes before it. */
  casesPerWeek: number;
  medianMinutes: number | null;
}

const median = (sorted: readonly number[]): number | null => {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Ranks the log's activities as automation candidates (best first; ties by name). The time
 * before an event is its timestamp minus the previous event's in the same case (the first event
 * of a case has none): with completion timestamps only, that gap is waiting plus working time.
 *
 * @example
 * // An activity done 100 times, 40 % of its cases twice, always by the same two clerks after a
 * // one-day queue ranks above one done 10 times straight through by a machine.
 */
export function rankCandidates(log: EventLog, analysis: LogAnalysis): Candidate[] {
  const n = log.activities.length;
  const gaps: number[][] = Array.from({ length: n }, () => []);
  const handovers = new Float64Array(n);
  const resourceSets: Set<number>[] = Array.from({ length: n }, () => new Set());
  const { caseStart, activity, time, resource } = log;
  for (let c = 0; c + 1 < caseStart.length; c++) {
    const from = caseStart[c] as number;
    const to = caseStart[c + 1] as number;
    for (let e = from; e < to; e++) {
      const a = activity[e] as number;
      const r = resource[e] as number;
      if (r >= 0) resourceSets[a]?.add(r);
      if (e === from) continue;
      gaps[a]?.push(((time[e] as number) - (time[e - 1] as number)) / 1000);
      const previous = resource[e - 1] as number;
      if (r >= 0 && previous >= 0 && r !== previous) handovers[a] = (handovers[a] as number) + 1;
    }
  }
  const from = analysis.timeRange?.from ?? 0;
  const to = analysis.timeRange?.to ?? 0;
  const weeks = Math.max((to - from) / (7 * 86_400_000), 1 / 7);
  const raw = analysis.activities.map((figures, a) => {
    const list = (gaps[a] ?? []).sort((x, y) => x - y);
    const total = list.reduce((s, g) => s + g, 0);
    const mean = list.length > 0 ? total / list.length : 0;
    const sd = list.length > 1 ? Math.sqrt(list.reduce((s, g) => s + (g - mean) ** 2, 0) / (list.length - 1)) : 0;
    const medianWait = median(list);
    return {
      activity: figures.name,
      events: figures.events,
      cases: figures.cases,
      totalTimeSeconds: total,
      medianWaitSeconds: medianWait,
      reworkRate: figures.cases === 0 ? 0 : figures.reworkCases / figures.cases,
      handoverRate: figures.events === 0 ? 0 : (handovers[a] as number) / figures.events,
      resources: resourceSets[a]?.size ?? 0,
      regularity: mean > 0 ? Math.max(0, 1 - sd / mean) : 0,
      casesPerWeek: figures.cases / weeks,
      medianMinutes: medianWait === null ? null : medianWait / 60,
    };
  });
  const measure: Record<CandidateFactor, (r: (typeof raw)[number]) => number> = {
    frequency: (r) => r.events,
    totalTime: (r) => r.totalTimeSeconds,
    waitBefore: (r) => r.medianWaitSeconds ?? 0,
    rework: (r) => r.reworkRate,
    handovers: (r) => r.handoverRate,
    resources: (r) => r.resources,
    regularity: (r) => r.regularity,
  };
  const scales = Object.fromEntries(
    (Object.keys(CANDIDATE_WEIGHTS) as CandidateFactor[]).map((f) => {
      const values = raw.map(measure[f]);
      return [f, { min: Math.min(...values), max: Math.max(...values) }];
    }),
  ) as Record<CandidateFactor, { min: number; max: number }>;
  return raw
    .map((r) => {
      const contributions = {} as Record<CandidateFactor, number>;
      let score = 0;
      for (const f of Object.keys(CANDIDATE_WEIGHTS) as CandidateFactor[]) {
        const { min, max } = scales[f];
        const scaled = max > min ? (measure[f](r) - min) / (max - min) : 0;
        contributions[f] = 100 * CANDIDATE_WEIGHTS[f] * scaled;
        score += contributions[f];
      }
      return { ...r, score, contributions };
    })
    .sort((a, b) => b.score - a.score || (a.activity < b.activity ? -1 : a.activity > b.activity ? 1 : 0));
}
