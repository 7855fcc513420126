import type { EventLog } from './event-log.domain.ts';
import type { LogAnalysis } from './log-analysis.domain.ts';
import { compareCodePoints } from './mining-stats.domain.ts';

/**
 * The statistics of `symbiont audit stats --json`: exactly the keys and shapes of the mining
 * oracle (`../shared/oracles/mining/running-example.json`, computed with PM4Py), so the output
 * can be compared with PM4Py's key by key. Times are seconds; objects keyed by activity list
 * their keys in code-point order.
 */
export interface AuditStats {
  num_cases: number;
  num_events: number;
  num_activities: number;
  /** Events per activity. */
  activities: Record<string, number>;
  /** Cases containing the activity. */
  activities_case_count: Record<string, number>;
  num_variants: number;
  variants: { activities: string[]; count: number }[];
  start_activities: Record<string, number>;
  end_activities: Record<string, number>;
  num_dfg_edges: number;
  dfg: { source: string; target: string; count: number }[];
  performance_dfg_seconds: {
    source: string;
    target: string;
    mean: number;
    median: number;
    max: number;
    min: number;
    sum: number;
    stdev: number | null;
  }[];
  case_duration_seconds: {
    count: number;
    mean: number;
    median: number;
    min: number;
    max: number;
    sum: number;
    stdev_sample: number | null;
  } | null;
  case_arrival_average_seconds: number;
  /** Cases in which the activity occurs more than once (only activities that do). */
  rework_cases_per_activity: Record<string, number>;
  /** Smallest number of events between two occurrences in a case (only activities that repeat). */
  minimum_self_distances: Record<string, number>;
}

/** Builds an object keyed by activity name, in code-point order, keeping entries where `value` is not null. */
function byActivity(analysis: LogAnalysis, value: (a: LogAnalysis['activities'][number]) => number | null): Record<string, number> {
  const out: Record<string, number> = {};
  // Activities without events (a filtered log keeps the full dictionary) are not part of the log.
  const sorted = analysis.activities.filter((a) => a.events > 0).sort((x, y) => compareCodePoints(x.name, y.name));
  for (const a of sorted) {
    const v = value(a);
    if (v !== null) out[a.name] = v;
  }
  return out;
}

/** Shapes a {@link LogAnalysis} as the oracle's statistics object. */
export function auditStats(log: EventLog, analysis: LogAnalysis): AuditStats {
  const names = log.activities;
  const d = analysis.caseDuration;
  return {
    num_cases: analysis.numCases,
    num_events: analysis.numEvents,
    num_activities: analysis.activities.filter((a) => a.events > 0).length,
    activities: byActivity(analysis, (a) => a.events),
    activities_case_count: byActivity(analysis, (a) => a.cases),
    num_variants: analysis.variants.length,
    variants: analysis.variants.map((v) => ({ activities: v.activities.map((a) => names[a] as string), count: v.count })),
    start_activities: byActivity(analysis, (a) => (a.starts > 0 ? a.starts : null)),
    end_activities: byActivity(analysis, (a) => (a.ends > 0 ? a.ends : null)),
    num_dfg_edges: analysis.dfg.length,
    dfg: analysis.dfg.map((e) => ({ source: names[e.source] as string, target: names[e.target] as string, count: e.count })),
    performance_dfg_seconds: analysis.dfg.map((e) => ({
      source: names[e.source] as string,
      target: names[e.target] as string,
      mean: e.seconds.mean,
      median: e.seconds.median,
      max: e.seconds.max,
      min: e.seconds.min,
      sum: e.seconds.sum,
      stdev: e.seconds.stdev,
    })),
    case_duration_seconds: d && {
      count: d.count,
      mean: d.mean,
      median: d.median,
      min: d.min,
      max: d.max,
      sum: d.sum,
      stdev_sample: d.stdev,
    },
    case_arrival_average_seconds: analysis.caseArrivalAverageSeconds,
    rework_cases_per_activity: byActivity(analysis, (a) => (a.reworkCases > 0 ? a.reworkCases : null)),
    minimum_self_distances: byActivity(analysis, (a) => a.minSelfDistance),
  };
}
