import type { EventLog } from './event-log.domain.ts';
import type { LogAnalysis } from './log-analysis.domain.ts';
import { compareCodePoints } from './mining-stats.domain.ts';

/** PM4Py's Heuristics Miner parameters; the defaults are PM4Py's (`heuristics_net/defaults.py`). */
export interface HeuristicsParameters {
  dependencyThreshold: number;
  /** Kept for parity with PM4Py; the AND measure splits gateways and does not change which edges are kept. */
  andThreshold: number;
  loopTwoThreshold: number;
  minActivityCount: number;
  minDfgOccurrences: number;
  dfgPreCleaningNoiseThreshold: number;
}

export const HEURISTICS_DEFAULTS: HeuristicsParameters = {
  dependencyThreshold: 0.5,
  andThreshold: 0.65,
  loopTwoThreshold: 0.5,
  minActivityCount: 1,
  minDfgOccurrences: 1,
  dfgPreCleaningNoiseThreshold: 0.05,
};

export interface DependencyEdge {
  source: string;
  target: string;
  dependency: number;
  count: number;
}

export interface HeuristicsNet {
  /** Dependency of every edge of the (noise-cleaned) DFG, sorted by source then target. */
  dependency: DependencyEdge[];
  /** Edges of the dependency graph, sorted; `loopTwo` marks edges added for a length-two loop (dependency 0 in PM4Py). */
  keptEdges: (DependencyEdge & { loopTwo: boolean })[];
}

const pairKey = (a: number, b: number) => `${a}\u0000${b}`;

/**
 * The Heuristics Miner's dependency graph, as PM4Py 2.7 computes it:
 *
 * 1. Noise pre-cleaning: max(x) = the largest count of an edge into or out of activity x; an edge
 *    a→b with count < min(max(a)·t, max(b)·t) is dropped (t = `dfgPreCleaningNoiseThreshold`).
 * 2. Dependency on the cleaned DFG: a ≠ b: (|a>b| − |b>a|) / (|a>b| + |b>a| + 1);
 *    a = b: |a>a| / (|a>a| + 1).
 * 3. An edge is kept when both activities occur ≥ `minActivityCount` times, |a>b| ≥
 *    `minDfgOccurrences` and its dependency ≥ `dependencyThreshold`.
 * 4. Length-two loops: for an activity a on a kept edge and b with triples ⟨a,b,a⟩ counted
 *    |a>>b| (consecutive events, a ≠ b), when (|a>>b| + |b>>a|) / (|a>>b| + |b>>a| + 1) ≥
 *    `loopTwoThreshold`, |a>b| ≥ `minDfgOccurrences` and neither a→b nor b→a is kept, both a→b
 *    and b→a are added.
 */
export function heuristicsMiner(
  log: EventLog,
  analysis: LogAnalysis,
  parameters: HeuristicsParameters = HEURISTICS_DEFAULTS,
): HeuristicsNet {
  const names = log.activities;
  const maxCount = new Float64Array(names.length).fill(-1);
  for (const e of analysis.dfg) {
    maxCount[e.source] = Math.max(maxCount[e.source] as number, e.count);
    maxCount[e.target] = Math.max(maxCount[e.target] as number, e.count);
  }
  const t = parameters.dfgPreCleaningNoiseThreshold;
  const cleaned = new Map<string, { source: number; target: number; count: number }>();
  for (const e of analysis.dfg) {
    const drop = t > 0 && e.count < Math.min((maxCount[e.source] as number) * t, (maxCount[e.target] as number) * t);
    if (!drop) cleaned.set(pairKey(e.source, e.target), e);
  }
  const dependencyOf = new Map<string, number>();
  for (const [key, e] of cleaned) {
    const inverse = e.source === e.target ? 0 : (cleaned.get(pairKey(e.target, e.source))?.count ?? 0);
    dependencyOf.set(key, e.source === e.target ? e.count / (e.count + 1) : (e.count - inverse) / (e.count + inverse + 1));
  }
  const occurs = (a: number) => ((analysis.activities[a]?.events ?? 0) as number) >= parameters.minActivityCount;
  const edge = (source: number, target: number, dependency: number, count: number) => ({
    source: names[source] as string,
    target: names[target] as string,
    dependency,
    count,
  });
  const kept: HeuristicsNet['keptEdges'] = [];
  const keptKeys = new Set<string>();
  const nodes = new Set<number>();
  for (const [key, e] of cleaned) {
    const dependency = dependencyOf.get(key) as number;
    if (occurs(e.source) && occurs(e.target) && e.count >= parameters.minDfgOccurrences && dependency >= parameters.dependencyThreshold) {
      kept.push({ ...edge(e.source, e.target, dependency, e.count), loopTwo: false });
      keptKeys.add(key);
      nodes.add(e.source);
      nodes.add(e.target);
    }
  }
  const triples = loopTwoTriples(log);
  const strong = (key: string) => (dependencyOf.get(key) ?? Number.NEGATIVE_INFINITY) >= parameters.dependencyThreshold;
  for (const n1 of nodes) {
    for (const [key, v1] of triples) {
      const [a, b] = key.split('\u0000').map(Number) as [number, number];
      if (a !== n1) continue;
      const v2 = triples.get(pairKey(b, a)) ?? 0;
      if ((v1 + v2) / (v1 + v2 + 1) < parameters.loopTwoThreshold) continue;
      const forward = cleaned.get(pairKey(a, b));
      if (!forward || forward.count < parameters.minDfgOccurrences || !occurs(a) || !occurs(b)) continue;
      if (strong(pairKey(a, b)) || strong(pairKey(b, a))) continue;
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        if (keptKeys.has(pairKey(x, y))) continue;
        keptKeys.add(pairKey(x, y));
        kept.push({ ...edge(x, y, 0, cleaned.get(pairKey(x, y))?.count ?? 0), loopTwo: true });
      }
    }
  }
  const order = (x: { source: string; target: string }, y: { source: string; target: string }) =>
    compareCodePoints(x.source, y.source) || compareCodePoints(x.target, y.target);
  return {
    dependency: [...cleaned].map(([key, e]) => edge(e.source, e.target, dependencyOf.get(key) as number, e.count)).sort(order),
    keptEdges: kept.sort(order),
  };
}

/** |a>>b|: occurrences of three consecutive events ⟨a, b, a⟩ in a case with a ≠ b. */
function loopTwoTriples(log: EventLog): Map<string, number> {
  const out = new Map<string, number>();
  const { activity, caseStart } = log;
  for (let c = 0; c < log.caseIds.length; c++) {
    for (let k = (caseStart[c] as number) + 2; k < (caseStart[c + 1] as number); k++) {
      const a = activity[k - 2] as number;
      const b = activity[k - 1] as number;
      if (a === activity[k] && a !== b) out.set(pairKey(a, b), (out.get(pairKey(a, b)) ?? 0) + 1);
    }
  }
  return out;
}
