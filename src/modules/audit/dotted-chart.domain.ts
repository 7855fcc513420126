import type { EventLog } from './event-log.domain.ts';

export interface DottedChart {
  /** Activity names; `points[i][2]` indexes this. */
  activities: string[];
  /** Cases shown, in order of their first event (row 0 first). */
  cases: string[];
  /** [row, time (ms UTC), activity index] per event of the shown cases. */
  points: [number, number, number][];
  /** All cases of the log (more than shown when sampled). */
  totalCases: number;
}

/**
 * The dotted chart: one row per case (sorted by its first event), one dot per event at its
 * time, coloured by activity. Large logs are sampled evenly — every k-th case in start order with
 * k = ⌈cases ÷ maxCases⌉ — so the picture keeps its shape (arrival waves, batches, slow periods).
 */
export function dottedChart(log: EventLog, maxCases = 300, maxPoints = 20_000): DottedChart {
  const n = log.caseIds.length;
  const order = Array.from({ length: n }, (_, c) => c).sort(
    (a, b) => (log.time[log.caseStart[a] as number] as number) - (log.time[log.caseStart[b] as number] as number) || a - b,
  );
  const step = Math.max(1, Math.ceil(n / maxCases));
  const cases: string[] = [];
  const points: [number, number, number][] = [];
  for (let i = 0; i < n && points.length < maxPoints; i += step) {
    const c = order[i] as number;
    const row = cases.length;
    cases.push(log.caseIds[c] as string);
    for (let e = log.caseStart[c] as number; e < (log.caseStart[c + 1] as number) && points.length < maxPoints; e++) {
      points.push([row, log.time[e] as number, log.activity[e] as number]);
    }
  }
  return { activities: [...log.activities], cases, points, totalCases: n };
}
