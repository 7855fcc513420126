import { caseCount, type EventLog, eventCount } from './event-log.domain.ts';
import { compareCodePoints, type DurationStats, describeSorted, type HistogramBin, histogram } from './mining-stats.domain.ts';

/**
 * Per-activity figures. "Occurrence" = one event with this activity; "rework" = an occurrence
 * that is not the first of its activity in its case.
 */
export interface ActivityFigures {
  name: string;
  /** Events with this activity. */
  events: number;
  /** Cases containing it at least once. */
  cases: number;
  /** Cases in which it occurs more than once. */
  reworkCases: number;
  /** Rework occurrences directly after an occurrence of the same activity (⟨a, a⟩): self-loops. */
  selfLoops: number;
  /** Rework occurrences with other events in between (⟨a, …, a⟩): repetitions. */
  repetitions: number;
  /** Rework occurrences done by the same resource as the previous occurrence in the case ("repeat"). */
  repeatSameResource: number;
  /** Rework occurrences done by another resource than the previous occurrence ("redo"); both resources known. */
  redoOtherResource: number;
  /** Smallest number of events strictly between two occurrences in one case; null if it never repeats. */
  minSelfDistance: number | null;
  /** Cases starting / ending with it. */
  starts: number;
  ends: number;
}

/** A directly-follows edge: `count` pairs of consecutive events (source, target) inside a case. */
export interface DfgEdge {
  source: number;
  target: number;
  count: number;
  /** Statistics of timestamp(target) − timestamp(source) over the pairs, seconds. */
  seconds: DurationStats;
}

export interface Variant {
  /** Activity ids of the full sequence (no folding of repetitions). */
  activities: number[];
  /** Cases with exactly this sequence. */
  count: number;
  /** count / number of cases. */
  coverage: number;
  /** Mean case duration of its cases, seconds. */
  meanDurationSeconds: number;
}

export interface ResourceFigures {
  name: string;
  events: number;
  cases: number;
}

/** A hand-over of work: consecutive events of a case done by two different (known) resources. */
export interface Handover {
  source: number;
  target: number;
  count: number;
}

export interface LogAnalysis {
  numCases: number;
  numEvents: number;
  /** Indexed by activity id (as `log.activities`). */
  activities: ActivityFigures[];
  /** Sorted by source name, then target name. */
  dfg: DfgEdge[];
  /** Sorted by count (descending), then by the sequence of names. */
  variants: Variant[];
  /** Index into `variants` of each case. */
  caseVariant: Uint32Array;
  /** Last timestamp − first timestamp of each case, seconds, in case order. */
  caseDurations: Float64Array;
  /** Over all cases; null for an empty log. */
  caseDuration: DurationStats | null;
  /** Case durations in equal-width bins (Sturges' rule, see {@link histogram}). */
  caseDurationHistogram: HistogramBin[];
  /** Mean gap between the first events of consecutive cases (sorted by start), seconds; 0 below two cases (as PM4Py). */
  caseArrivalAverageSeconds: number;
  /** Indexed by resource id. */
  resources: ResourceFigures[];
  /** Sorted by count (descending), then names. */
  handovers: Handover[];
  /** First and last timestamp of the log (ms, UTC); null for an empty log. */
  timeRange: { from: number; to: number } | null;
}

/** Dense pair index for few activities, a map beyond (a dense table for 10,000 activities would take 400 MB). */
class PairIndex {
  private readonly dense: Int32Array | null;
  private readonly sparse = new Map<number, number>();
  readonly sources: number[] = [];
  readonly targets: number[] = [];
  readonly counts: number[] = [];

  constructor(private readonly size: number) {
    this.dense = size <= 1024 ? new Int32Array(size * size).fill(-1) : null;
  }

  id(a: number, b: number): number {
    const key = a * this.size + b;
    let id = this.dense ? (this.dense[key] as number) : (this.sparse.get(key) ?? -1);
    if (id < 0) {
      id = this.sources.length;
      this.sources.push(a);
      this.targets.push(b);
      this.counts.push(0);
      if (this.dense) this.dense[key] = id;
      else this.sparse.set(key, id);
    }
    return id;
  }
}

/** A case's activity sequence as a string key (one UTF-16 unit per activity, two beyond 65,535 activities). */
function sequenceKey(activity: Uint32Array, from: number, to: number, wide: boolean): string {
  if (wide) {
    let key = '';
    for (let k = from; k < to; k++) key += String.fromCharCode((activity[k] as number) & 0xffff, (activity[k] as number) >>> 16);
    return key;
  }
  let key = '';
  for (let k = from; k < to; k += 8192) key += String.fromCharCode(...activity.subarray(k, Math.min(to, k + 8192)));
  return key;
}

/**
 * Everything the statistics, the process map and the rework views need, in two passes over the
 * events (one for counts, one to collect each edge's durations for medians).
 *
 * Formulas (t = timestamp in seconds, events of a case sorted as in {@link EventLog}):
 * - DFG edge a→b: count of i with act(eᵢ) = a, act(eᵢ₊₁) = b in one case; durations t(eᵢ₊₁) − t(eᵢ).
 * - case duration = t(last event) − t(first event).
 * - case arrival average = mean of start(cᵢ₊₁) − start(cᵢ) over cases sorted by their first timestamp.
 * - minimum self distance of a = min over cases and consecutive occurrences i < j of a of (j − i − 1).
 * - variant coverage = cases of the variant / all cases.
 */
export function analyseLog(log: EventLog): LogAnalysis {
  const numEvents = eventCount(log);
  const numCases = caseCount(log);
  const numActivities = log.activities.length;
  const { activity, time, resource, caseStart } = log;
  const acts: ActivityFigures[] = log.activities.map((name) => ({
    name,
    events: 0,
    cases: 0,
    reworkCases: 0,
    selfLoops: 0,
    repetitions: 0,
    repeatSameResource: 0,
    redoOtherResource: 0,
    minSelfDistance: null,
    starts: 0,
    ends: 0,
  }));
  const res: ResourceFigures[] = log.resources.map((name) => ({ name, events: 0, cases: 0 }));
  const resourceLastCase = new Int32Array(log.resources.length).fill(-1);
  const inCase = new Int32Array(numActivities);
  const lastPos = new Int32Array(numActivities);
  const lastRes = new Int32Array(numActivities);
  const touched: number[] = [];
  const edges = new PairIndex(numActivities);
  const handovers = new PairIndex(log.resources.length);
  const caseDurations = new Float64Array(numCases);
  const caseFirst = new Float64Array(numCases);
  const caseVariantKey = new Uint32Array(numCases);
  const variantIds = new Map<string, number>();
  const variantCases: number[] = [];
  const variantFirstCase: number[] = [];
  const variantDurationSum: number[] = [];
  const wide = numActivities > 0xffff;
  const edgeOf = new Int32Array(Math.max(0, numEvents));

  for (let c = 0; c < numCases; c++) {
    const s = caseStart[c] as number;
    const e = caseStart[c + 1] as number;
    (acts[activity[s] as number] as ActivityFigures).starts += 1;
    (acts[activity[e - 1] as number] as ActivityFigures).ends += 1;
    caseFirst[c] = time[s] as number;
    const duration = ((time[e - 1] as number) - (time[s] as number)) / 1000;
    caseDurations[c] = duration;
    for (let k = s; k < e; k++) {
      const a = activity[k] as number;
      const r = resource[k] as number;
      const fig = acts[a] as ActivityFigures;
      fig.events += 1;
      const p = k - s;
      if (inCase[a] === 0) {
        touched.push(a);
        fig.cases += 1;
      } else {
        const distance = p - (lastPos[a] as number) - 1;
        if (fig.minSelfDistance === null || distance < fig.minSelfDistance) fig.minSelfDistance = distance;
        if (distance === 0) fig.selfLoops += 1;
        else fig.repetitions += 1;
        const before = lastRes[a] as number;
        if (r >= 0 && before >= 0) {
          if (r === before) fig.repeatSameResource += 1;
          else fig.redoOtherResource += 1;
        }
      }
      inCase[a] = (inCase[a] as number) + 1;
      lastPos[a] = p;
      lastRes[a] = r;
      if (r >= 0) {
        const rf = res[r] as ResourceFigures;
        rf.events += 1;
        if (resourceLastCase[r] !== c) {
          resourceLastCase[r] = c;
          rf.cases += 1;
        }
      }
      if (k > s) {
        const id = edges.id(activity[k - 1] as number, a);
        edges.counts[id] = (edges.counts[id] as number) + 1;
        edgeOf[k] = id;
        const before = resource[k - 1] as number;
        if (r >= 0 && before >= 0 && r !== before) {
          const h = handovers.id(before, r);
          handovers.counts[h] = (handovers.counts[h] as number) + 1;
        }
      }
    }
    for (const a of touched) {
      if ((inCase[a] as number) > 1) (acts[a] as ActivityFigures).reworkCases += 1;
      inCase[a] = 0;
    }
    touched.length = 0;
    const key = sequenceKey(activity, s, e, wide);
    let v = variantIds.get(key);
    if (v === undefined) {
      v = variantCases.length;
      variantIds.set(key, v);
      variantCases.push(0);
      variantFirstCase.push(c);
      variantDurationSum.push(0);
    }
    variantCases[v] = (variantCases[v] as number) + 1;
    variantDurationSum[v] = (variantDurationSum[v] as number) + duration;
    caseVariantKey[c] = v;
  }

  const dfg = edgeDurations(log, edges, edgeOf);
  const variantOrder = orderVariants(log, variantCases, variantFirstCase);
  const rank = new Uint32Array(variantOrder.length);
  variantOrder.forEach((v, i) => {
    rank[v] = i;
  });
  const caseVariant = caseVariantKey.map((v) => rank[v] as number);
  const variants = variantOrder.map((v) => {
    const c = variantFirstCase[v] as number;
    return {
      activities: Array.from(activity.subarray(caseStart[c] as number, caseStart[c + 1] as number)),
      count: variantCases[v] as number,
      coverage: (variantCases[v] as number) / numCases,
      meanDurationSeconds: (variantDurationSum[v] as number) / (variantCases[v] as number),
    };
  });

  const sortedDurations = caseDurations.slice().sort();
  const starts = caseFirst.slice().sort();
  let gaps = 0;
  for (let c = 1; c < numCases; c++) gaps += ((starts[c] as number) - (starts[c - 1] as number)) / 1000;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < numEvents; k++) {
    const t = time[k] as number;
    if (t < from) from = t;
    if (t > to) to = t;
  }
  return {
    numCases,
    numEvents,
    activities: acts,
    dfg,
    variants,
    caseVariant,
    caseDurations,
    caseDuration: numCases > 0 ? describeSorted(sortedDurations) : null,
    caseDurationHistogram: histogram(caseDurations),
    caseArrivalAverageSeconds: numCases > 1 ? gaps / (numCases - 1) : 0,
    resources: res,
    handovers: handovers.counts
      .map((count, i) => ({ source: handovers.sources[i] as number, target: handovers.targets[i] as number, count }))
      .sort(
        (x, y) =>
          y.count - x.count ||
          compareCodePoints(log.resources[x.source] as string, log.resources[y.source] as string) ||
          compareCodePoints(log.resources[x.target] as string, log.resources[y.target] as string),
      ),
    timeRange: numEvents > 0 ? { from, to } : null,
  };
}

/** Second pass: each edge's durations gathered into one array segment, sorted, described. */
function edgeDurations(log: EventLog, edges: PairIndex, edgeOf: Int32Array): DfgEdge[] {
  const numEdges = edges.counts.length;
  const offset = new Uint32Array(numEdges + 1);
  for (let i = 0; i < numEdges; i++) offset[i + 1] = (offset[i] as number) + (edges.counts[i] as number);
  const fill = offset.slice(0, numEdges);
  const values = new Float64Array(offset[numEdges] as number);
  const { caseStart, time } = log;
  for (let c = 0; c < log.caseIds.length; c++) {
    for (let k = (caseStart[c] as number) + 1; k < (caseStart[c + 1] as number); k++) {
      const id = edgeOf[k] as number;
      values[fill[id] as number] = ((time[k] as number) - (time[k - 1] as number)) / 1000;
      fill[id] = (fill[id] as number) + 1;
    }
  }
  const out: DfgEdge[] = [];
  for (let i = 0; i < numEdges; i++) {
    const segment = values.subarray(offset[i] as number, offset[i + 1] as number);
    segment.sort();
    out.push({
      source: edges.sources[i] as number,
      target: edges.targets[i] as number,
      count: edges.counts[i] as number,
      seconds: describeSorted(segment),
    });
  }
  const names = log.activities;
  return out.sort(
    (x, y) =>
      compareCodePoints(names[x.source] as string, names[y.source] as string) ||
      compareCodePoints(names[x.target] as string, names[y.target] as string),
  );
}

/** Variant ids by count (descending), then by their sequence of names (element-wise, code-point order, as Python sorts lists). */
function orderVariants(log: EventLog, counts: number[], firstCase: number[]): number[] {
  const byName = log.activities
    .map((_, a) => a)
    .sort((x, y) => compareCodePoints(log.activities[x] as string, log.activities[y] as string));
  const rank = new Uint32Array(log.activities.length);
  byName.forEach((a, i) => {
    rank[a] = i;
  });
  const { activity, caseStart } = log;
  const compareSequences = (x: number, y: number): number => {
    const cx = firstCase[x] as number;
    const cy = firstCase[y] as number;
    const sx = caseStart[cx] as number;
    const sy = caseStart[cy] as number;
    const nx = (caseStart[cx + 1] as number) - sx;
    const ny = (caseStart[cy + 1] as number) - sy;
    const n = Math.min(nx, ny);
    for (let i = 0; i < n; i++) {
      const d = (rank[activity[sx + i] as number] as number) - (rank[activity[sy + i] as number] as number);
      if (d !== 0) return d;
    }
    return nx - ny;
  };
  const ids = counts.map((_, v) => v);
  ids.sort((x, y) => (counts[y] as number) - (counts[x] as number) || compareSequences(x, y));
  return ids;
}
