/** Nearest-rank percentile of `values` (0 < p ≤ 100); null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

export interface RunFact {
  status: string;
  createdAt: string;
  durationMs: number | null;
}

/**
 * Run statistics of a workflow: counts, success rate = succeeded / (succeeded + failed)
 * (runs still going and cancelled ones are not judged), nearest-rank p50/p95 of the duration
 * of ended runs, and runs per UTC day.
 */
export function summariseRuns(runs: readonly RunFact[]) {
  const succeeded = runs.filter((r) => r.status === 'succeeded').length;
  const failed = runs.filter((r) => r.status === 'failed').length;
  const durations = runs
    .filter((r) => r.durationMs !== null && (r.status === 'succeeded' || r.status === 'failed'))
    .map((r) => r.durationMs as number);
  const days = new Map<string, { runs: number; failed: number }>();
  for (const r of runs) {
    const day = r.createdAt.slice(0, 10);
    const d = days.get(day) ?? { runs: 0, failed: 0 };
    d.runs += 1;
    if (r.status === 'failed') d.failed += 1;
    days.set(day, d);
  }
  return {
    runs: runs.length,
    succeeded,
    failed,
    successRate: succeeded + failed === 0 ? null : succeeded / (succeeded + failed),
    durationP50Ms: percentile(durations, 50),
    durationP95Ms: percentile(durations, 95),
    byDay: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, d]) => ({ day, ...d })),
  };
}
