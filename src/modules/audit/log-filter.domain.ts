import type { EventLog } from './event-log.domain.ts';
import type { LogAnalysis } from './log-analysis.domain.ts';

/**
 * Which cases to keep. Every given criterion must hold (AND); an empty filter keeps every case.
 * Times are UTC milliseconds, durations seconds.
 */
export interface CaseFilter {
  /**
   * `contained`: the case starts and ends inside [from, to]; `intersecting`: it has any time in
   * it (starts ≤ to and ends ≥ from); `started`: its first event is in it.
   */
  timeRange?: { from: number; to: number; mode: 'contained' | 'intersecting' | 'started' };
  /** Indexes into `analysis.variants` (sorted by frequency): keep cases of these variants. */
  variants?: readonly number[];
  /** Keep cases containing at least one of these activities. */
  withActivities?: readonly string[];
  /** Drop cases containing any of these activities. */
  withoutActivities?: readonly string[];
  /** Case duration (last − first timestamp) within [min, max] seconds, bounds inclusive. */
  duration?: { min?: number; max?: number };
  /** Keep cases whose case attribute `name` has one of `values` (a log without the attribute keeps none). */
  attribute?: { name: string; values: readonly string[] };
}

/** One flag per case: 1 if the case passes the filter. */
export function selectCases(log: EventLog, analysis: LogAnalysis, filter: CaseFilter): Uint8Array {
  const numCases = log.caseIds.length;
  const keep = new Uint8Array(numCases).fill(1);
  const { caseStart, time, activity } = log;
  const ids = (names: readonly string[] | undefined) => {
    if (!names) return null;
    const set = new Uint8Array(log.activities.length);
    for (const name of names) {
      const i = log.activities.indexOf(name);
      if (i >= 0) set[i] = 1;
    }
    return set;
  };
  const wanted = ids(filter.withActivities);
  const unwanted = ids(filter.withoutActivities);
  const variants = filter.variants ? new Set(filter.variants) : null;
  const attributeValues = filter.attribute ? (log.caseAttributes?.[filter.attribute.name] ?? null) : undefined;
  const allowed = filter.attribute ? new Set(filter.attribute.values) : null;
  for (let c = 0; c < numCases; c++) {
    const s = caseStart[c] as number;
    const e = caseStart[c + 1] as number;
    const first = time[s] as number;
    const last = time[e - 1] as number;
    let ok = true;
    if (filter.timeRange) {
      const { from, to, mode } = filter.timeRange;
      ok =
        mode === 'contained'
          ? first >= from && last <= to
          : mode === 'intersecting'
            ? first <= to && last >= from
            : first >= from && first <= to;
    }
    if (ok && variants) ok = variants.has(analysis.caseVariant[c] as number);
    if (ok && allowed) ok = attributeValues ? allowed.has(attributeValues[c] as string) : false;
    if (ok && filter.duration) {
      const d = analysis.caseDurations[c] as number;
      ok = d >= (filter.duration.min ?? Number.NEGATIVE_INFINITY) && d <= (filter.duration.max ?? Number.POSITIVE_INFINITY);
    }
    if (ok && (wanted || unwanted)) {
      let has = false;
      let hasUnwanted = false;
      for (let k = s; k < e; k++) {
        const a = activity[k] as number;
        if (wanted?.[a]) has = true;
        if (unwanted?.[a]) hasUnwanted = true;
      }
      ok = (!wanted || has) && !hasUnwanted;
    }
    keep[c] = ok ? 1 : 0;
  }
  return keep;
}

/**
 * The sub-log of the kept cases, in their order, events unchanged (already sorted). The
 * dictionaries are shared with the original log, so activity and resource ids stay comparable;
 * an activity that no kept case contains keeps its id (with no events).
 */
export function filterCases(log: EventLog, keep: Uint8Array): EventLog {
  const { caseStart } = log;
  let cases = 0;
  let events = 0;
  for (let c = 0; c < log.caseIds.length; c++) {
    if (keep[c]) {
      cases += 1;
      events += (caseStart[c + 1] as number) - (caseStart[c] as number);
    }
  }
  const caseIds: string[] = [];
  const start = new Uint32Array(cases + 1);
  const activity = new Uint32Array(events);
  const time = new Float64Array(events);
  const resource = new Int32Array(events);
  const startTime = log.startTime ? new Float64Array(events) : null;
  let at = 0;
  for (let c = 0; c < log.caseIds.length; c++) {
    if (!keep[c]) continue;
    const s = caseStart[c] as number;
    const e = caseStart[c + 1] as number;
    start[caseIds.length] = at;
    caseIds.push(log.caseIds[c] as string);
    activity.set(log.activity.subarray(s, e), at);
    time.set(log.time.subarray(s, e), at);
    resource.set(log.resource.subarray(s, e), at);
    if (startTime && log.startTime) startTime.set(log.startTime.subarray(s, e), at);
    at += e - s;
  }
  start[cases] = at;
  const caseAttributes = log.caseAttributes
    ? Object.fromEntries(Object.entries(log.caseAttributes).map(([name, values]) => [name, values.filter((_, c) => keep[c])]))
    : undefined;
  const filtered: EventLog = {
    activities: log.activities,
    resources: log.resources,
    caseIds,
    caseStart: start,
    activity,
    time,
    resource,
    startTime,
  };
  return caseAttributes ? { ...filtered, caseAttributes } : filtered;
}
