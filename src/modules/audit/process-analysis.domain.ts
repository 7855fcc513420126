import { type Candidate, rankCandidates } from './candidates.domain.ts';
import type { EventLog } from './event-log.domain.ts';
import { heuristicsMiner } from './heuristics-miner.domain.ts';
import { analyseLog } from './log-analysis.domain.ts';
import { type CaseFilter, filterCases, selectCases } from './log-filter.domain.ts';
import type { DurationStats, HistogramBin } from './mining-stats.domain.ts';

/** At most this many variants and hand-overs are listed (the counts cover all). */
export const LIST_LIMIT = 200;

export interface ProcessAnalysis {
  cases: { total: number; kept: number };
  numEvents: number;
  timeRange: { from: string; to: string } | null;
  activities: {
    name: string;
    events: number;
    cases: number;
    reworkCases: number;
    selfLoops: number;
    repetitions: number;
    repeatSameResource: number;
    redoOtherResource: number;
    starts: number;
    ends: number;
  }[];
  /** Directly-follows edges with frequency and performance (seconds). */
  dfg: { source: string; target: string; count: number; meanSeconds: number; medianSeconds: number; maxSeconds: number }[];
  numVariants: number;
  variants: { index: number; activities: string[]; count: number; coverage: number; meanDurationSeconds: number }[];
  caseDuration: DurationStats | null;
  caseDurationHistogram: HistogramBin[];
  caseArrivalAverageSeconds: number;
  resources: { name: string; events: number; cases: number }[];
  handovers: { source: string; target: string; count: number }[];
  heuristics: {
    dependency: { source: string; target: string; dependency: number; count: number }[];
    keptEdges: { source: string; target: string; dependency: number; count: number; loopTwo: boolean }[];
  };
  candidates: Candidate[];
  /** The log's case attributes (of all cases, for the filter): the 50 most frequent values of each. */
  caseAttributes: { name: string; values: { value: string; cases: number }[] }[];
}

/** Each case attribute's most frequent values, over all cases (an empty value counts as "(none)"). */
export function caseAttributeValues(log: EventLog, limit = 50): ProcessAnalysis['caseAttributes'] {
  return Object.entries(log.caseAttributes ?? {}).map(([name, values]) => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v || '(none)', (counts.get(v || '(none)') ?? 0) + 1);
    return {
      name,
      values: [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, limit)
        .map(([value, cases]) => ({ value, cases })),
    };
  });
}

/**
 * What the process audit shows of a log: the cases a filter keeps (every criterion must hold;
 * variant indexes refer to the unfiltered log's variants, most frequent first), then everything
 * mined again on those cases — the process map (DFG with frequency and performance), variants,
 * case durations, rework per activity, resources and hand-overs, the heuristics miner's
 * dependency graph and the automation candidates.
 */
export function analyseProcess(log: EventLog, filter: CaseFilter = {}): ProcessAnalysis {
  const full = analyseLog(log);
  const filtered = Object.keys(filter).length === 0 ? log : filterCases(log, selectCases(log, full, filter));
  const a = filtered === log ? full : analyseLog(filtered);
  const act = filtered.activities;
  const res = filtered.resources;
  const net = heuristicsMiner(filtered, a);
  return {
    cases: { total: log.caseIds.length, kept: filtered.caseIds.length },
    numEvents: a.numEvents,
    timeRange: a.timeRange ? { from: new Date(a.timeRange.from).toISOString(), to: new Date(a.timeRange.to).toISOString() } : null,
    activities: a.activities.map((f) => ({
      name: f.name,
      events: f.events,
      cases: f.cases,
      reworkCases: f.reworkCases,
      selfLoops: f.selfLoops,
      repetitions: f.repetitions,
      repeatSameResource: f.repeatSameResource,
      redoOtherResource: f.redoOtherResource,
      starts: f.starts,
      ends: f.ends,
    })),
    dfg: a.dfg.map((e) => ({
      source: act[e.source] as string,
      target: act[e.target] as string,
      count: e.count,
      meanSeconds: e.seconds.mean,
      medianSeconds: e.seconds.median,
      maxSeconds: e.seconds.max,
    })),
    numVariants: a.variants.length,
    variants: a.variants.slice(0, LIST_LIMIT).map((v, index) => ({
      index,
      activities: v.activities.map((id) => act[id] as string),
      count: v.count,
      coverage: v.coverage,
      meanDurationSeconds: v.meanDurationSeconds,
    })),
    caseDuration: a.caseDuration,
    caseDurationHistogram: a.caseDurationHistogram,
    caseArrivalAverageSeconds: a.caseArrivalAverageSeconds,
    resources: a.resources.map((r) => ({ name: r.name, events: r.events, cases: r.cases })),
    handovers: a.handovers
      .slice(0, LIST_LIMIT)
      .map((h) => ({ source: res[h.source] as string, target: res[h.target] as string, count: h.count })),
    heuristics: net,
    candidates: rankCandidates(filtered, a),
    caseAttributes: caseAttributeValues(log),
  };
}
