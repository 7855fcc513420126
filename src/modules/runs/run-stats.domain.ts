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

/** What a step row says about time: when it started and ended (ISO) and how long it worked. */
export interface StepTimeFact {
  nodeId: string;
  status: string;
  attempt: number;
  startedAt: string | null;
  finishedAt: string | null;
  activeMs: number;
  /** Whether its step type is in the `human` category (approvals, forms, tasks). */
  human: boolean;
}

export interface RunTimeFact {
  startedAt: string | null;
  finishedAt: string | null;
  /** Time the run's steps spent working, summed (parallel steps may add up past the wall time). */
  activeMs: number;
}

export interface RunTimes {
  durationMs: number;
  workingMs: number;
  waitingMs: number;
  humanWaitMs: number;
  machineWaitMs: number;
}

const ms = (iso: string | null) => (iso === null ? null : new Date(iso).getTime());

/** A step's wall time: start to finish (to `end` for a step the run left unfinished); null when it never started. */
function stepWallMs(step: Pick<StepTimeFact, 'startedAt' | 'finishedAt'>, end: number): number | null {
  const start = ms(step.startedAt);
  if (start === null) return null;
  return Math.max(0, (ms(step.finishedAt) ?? end) - start);
}

/**
 * Where an ended run's time went:
 *
 * - duration D = finished − started;
 * - working W = min(active, D) — time steps spent doing something (summed active time can pass
 *   D when steps ran in parallel, hence the cap);
 * - waiting T = D − W: delays, retry back-offs, rate-limit deferrals, sub-workflows, people, and
 *   the engine's own bookkeeping between steps;
 * - human wait H = min(T, Σ over steps of a `human` type of (step wall time − step active time)):
 *   the time the run sat in approvals, forms and tasks;
 * - machine wait M = T − H.
 *
 * Null when the run has not both started and finished.
 *
 * @example
 * // 10 s run, 2 s of work, an approval step open for 6 s of which 0.1 s work:
 * runTimes({ startedAt: '…:00Z', finishedAt: '…:10Z', activeMs: 2000 }, [approval])
 * // { durationMs: 10000, workingMs: 2000, waitingMs: 8000, humanWaitMs: 5900, machineWaitMs: 2100 }
 */
export function runTimes(run: RunTimeFact, steps: readonly StepTimeFact[]): RunTimes | null {
  const start = ms(run.startedAt);
  const end = ms(run.finishedAt);
  if (start === null || end === null) return null;
  const durationMs = Math.max(0, end - start);
  const workingMs = Math.min(Math.max(0, run.activeMs), durationMs);
  const waitingMs = durationMs - workingMs;
  let human = 0;
  for (const step of steps) {
    if (!step.human) continue;
    const wall = stepWallMs(step, end);
    if (wall !== null) human += Math.max(0, wall - step.activeMs);
  }
  const humanWaitMs = Math.min(waitingMs, human);
  return { durationMs, workingMs, waitingMs, humanWaitMs, machineWaitMs: waitingMs - humanWaitMs };
}

export interface TimeFigure {
  totalMs: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

const figure = (values: number[]): TimeFigure => ({
  totalMs: values.reduce((a, b) => a + b, 0),
  p50Ms: percentile(values, 50),
  p95Ms: percentile(values, 95),
});

/** Totals and nearest-rank p50/p95 per run of working, waiting, human-wait and machine-wait time. */
export function summariseTimes(times: readonly RunTimes[]) {
  return {
    runs: times.length,
    working: figure(times.map((t) => t.workingMs)),
    waiting: figure(times.map((t) => t.waitingMs)),
    humanWait: figure(times.map((t) => t.humanWaitMs)),
    machineWait: figure(times.map((t) => t.machineWaitMs)),
  };
}

export interface StepSummary {
  nodeId: string;
  /** Step rows: a step inside a loop counts once per item. */
  executions: number;
  failures: number;
  /** Attempts after the first, summed: a step that succeeded on its third attempt adds 2. */
  retries: number;
  /** Wall time of finished executions (start to finish, waits included). */
  durationP50Ms: number | null;
  durationP95Ms: number | null;
  /** Mean working time of an execution. */
  avgWorkMs: number | null;
  /** Time the executions spent not working (start to finish minus working), summed. */
  waitingMs: number;
}

/**
 * Per node: executions, failures, retries = Σ max(0, attempt − 1), nearest-rank p50/p95 of the
 * wall time of finished executions, mean working time and summed waiting time. Skipped steps
 * are not executions. Nodes come out in the order they first appear.
 */
export function summariseSteps(steps: readonly StepTimeFact[]): StepSummary[] {
  const byNode = new Map<string, StepTimeFact[]>();
  for (const s of steps) {
    if (s.status === 'skipped') continue;
    const list = byNode.get(s.nodeId) ?? [];
    list.push(s);
    byNode.set(s.nodeId, list);
  }
  return [...byNode.entries()].map(([nodeId, rows]) => {
    const durations: number[] = [];
    let waitingMs = 0;
    for (const r of rows) {
      if (r.finishedAt === null) continue;
      const wall = stepWallMs(r, 0) ?? 0;
      durations.push(wall);
      waitingMs += Math.max(0, wall - r.activeMs);
    }
    return {
      nodeId,
      executions: rows.length,
      failures: rows.filter((r) => r.status === 'failed').length,
      retries: rows.reduce((sum, r) => sum + Math.max(0, r.attempt - 1), 0),
      durationP50Ms: percentile(durations, 50),
      durationP95Ms: percentile(durations, 95),
      avgWorkMs: rows.length === 0 ? null : Math.round(rows.reduce((sum, r) => sum + r.activeMs, 0) / rows.length),
      waitingMs,
    };
  });
}
