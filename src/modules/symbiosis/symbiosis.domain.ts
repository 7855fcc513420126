import { percentile } from '../runs/run-stats.domain.ts';

/**
 * The symbiosis view: how a process's work splits between people and the machine, from the
 * engine's own records — runs, their step rows and the tasks people were handed. Pure: the
 * service reads the facts and passes `now`.
 */

export interface RunFact {
  id: string;
  workflowId: string;
  status: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Time the run's steps spent working (engine bookkeeping). */
  activeMs: number;
  /** Step rows the run executed (skipped ones not counted). */
  steps: number;
}

export interface TaskFact {
  runId: string | null;
  workflowId: string | null;
  /** approval | form | task | exception */
  kind: string;
  status: string;
  createdAt: string;
  closedAt: string | null;
  dueAt: string | null;
}

export interface SymbiosisFigures {
  runs: number;
  /** Steps the machine did: step rows, minus the rows of people steps (their work is the task). */
  machineSteps: number;
  /** Hand-overs to people: tasks opened (approvals, forms, to-dos and exceptions). */
  peopleSteps: number;
  /** Share of steps that went to people: people ÷ (people + machine); null with no steps. */
  peopleStepShare: number | null;
  /** Time the machine worked (Σ min(active, run duration)). */
  machineWorkMs: number;
  /** Time tasks were open (created → closed, or → now while open): the time work sat with people. */
  peopleMs: number;
  /** The rest of the runs' wall time: delays, back-offs, rate limits, the engine's bookkeeping. */
  machineWaitMs: number;
  /** Share of the time that went to people: people ÷ (people + machine work + machine wait); null with no time. */
  peopleTimeShare: number | null;
  tasksOpened: number;
  tasksClosed: number;
  /** Nearest-rank percentiles of created → closed of the tasks closed. */
  cycleP50Ms: number | null;
  cycleP90Ms: number | null;
  /** Tasks with a due time that are closed or already overdue. */
  slaTasks: number;
  /** Of those, closed after the due time or still open past it. */
  slaBreached: number;
  /** slaBreached ÷ slaTasks; null with none. */
  slaBreachRate: number | null;
  exceptions: number;
  /** Exception tasks per 100 runs started; null with no runs. */
  exceptionsPer100Runs: number | null;
}

const t = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const WEEK = 7 * 86_400_000;

/** Per run: the time its tasks were open, and how many of its step rows are people steps (tasks other than exceptions). */
export function peoplePerRun(tasks: readonly TaskFact[], now: number): Map<string, { ms: number; steps: number }> {
  const out = new Map<string, { ms: number; steps: number }>();
  for (const task of tasks) {
    if (!task.runId) continue;
    const created = t(task.createdAt) ?? now;
    const entry = out.get(task.runId) ?? { ms: 0, steps: 0 };
    entry.ms += Math.max(0, (t(task.closedAt) ?? now) - created);
    if (task.kind !== 'exception') entry.steps += 1;
    out.set(task.runId, entry);
  }
  return out;
}

/** Monday 00:00 UTC of the week `at` falls in (ISO weeks start on Monday). */
export function weekStart(at: number): number {
  const day = new Date(at);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return midnight - sinceMonday * 86_400_000;
}

interface Bucket {
  runs: RunFact[];
  tasks: TaskFact[];
}

/**
 * The figures of a set of runs and tasks:
 *
 * - people steps P = tasks opened; machine steps M = Σ steps − (tasks other than exceptions
 *   that belong to these runs): an approval's, a form's or a to-do's step row is the task's, an
 *   exception's step row is machine work that failed, so it stays machine;
 * - machine work W = Σ min(active, D) over runs with a start (D = finished or now − started);
 * - people time H = Σ over tasks of (closed or now) − created;
 * - machine wait = Σ max(0, D − min(active, D) − H_run) per run (H_run: its tasks' time);
 * - cycle time: nearest-rank p50 and p90 of closed − created of closed tasks;
 * - SLA breach rate = tasks past their due time (closed after it, or open beyond it at `now`)
 *   ÷ tasks with a due time that are closed or overdue (open ones not yet due are not judged);
 * - exceptions per 100 runs = 100 × exception tasks ÷ runs.
 */
export function figures(
  runs: readonly RunFact[],
  tasks: readonly TaskFact[],
  now: number,
  perRun = peoplePerRun(tasks, now),
): SymbiosisFigures {
  let peopleMs = 0;
  const cycles: number[] = [];
  let slaTasks = 0;
  let slaBreached = 0;
  let exceptions = 0;
  let tasksClosed = 0;
  for (const task of tasks) {
    const created = t(task.createdAt) ?? now;
    const closed = t(task.closedAt);
    const open = Math.max(0, (closed ?? now) - created);
    peopleMs += open;
    if (closed !== null) {
      tasksClosed += 1;
      cycles.push(open);
    }
    const due = t(task.dueAt);
    if (due !== null && (closed !== null || due < now)) {
      slaTasks += 1;
      if ((closed ?? now) > due) slaBreached += 1;
    }
    if (task.kind === 'exception') exceptions += 1;
  }
  let machineSteps = 0;
  let machineWorkMs = 0;
  let machineWaitMs = 0;
  for (const run of runs) {
    const people = perRun.get(run.id);
    machineSteps += Math.max(0, run.steps - (people?.steps ?? 0));
    const start = t(run.startedAt);
    if (start === null) continue;
    const duration = Math.max(0, (t(run.finishedAt) ?? now) - start);
    const work = Math.min(Math.max(0, run.activeMs), duration);
    machineWorkMs += work;
    machineWaitMs += Math.max(0, duration - work - (people?.ms ?? 0));
  }
  const peopleSteps = tasks.length;
  const allTime = peopleMs + machineWorkMs + machineWaitMs;
  return {
    runs: runs.length,
    machineSteps,
    peopleSteps,
    peopleStepShare: peopleSteps + machineSteps === 0 ? null : peopleSteps / (peopleSteps + machineSteps),
    machineWorkMs,
    peopleMs,
    machineWaitMs,
    peopleTimeShare: allTime === 0 ? null : peopleMs / allTime,
    tasksOpened: tasks.length,
    tasksClosed,
    cycleP50Ms: percentile(cycles, 50),
    cycleP90Ms: percentile(cycles, 90),
    slaTasks,
    slaBreached,
    slaBreachRate: slaTasks === 0 ? null : slaBreached / slaTasks,
    exceptions,
    exceptionsPer100Runs: runs.length === 0 ? null : (100 * exceptions) / runs.length,
  };
}

export interface WeekFigures extends SymbiosisFigures {
  /** Monday of the week (YYYY-MM-DD, UTC). */
  week: string;
}

/**
 * Figures per week for the `weeks` weeks up to the one `now` falls in (oldest first; every week
 * present, empty ones with zeros), all weeks together, and per workflow. A run counts in the
 * week it was created, a task in the week it opened.
 */
export function symbiosis(input: { runs: readonly RunFact[]; tasks: readonly TaskFact[]; now: number; weeks: number }) {
  const last = weekStart(input.now);
  const first = last - (input.weeks - 1) * WEEK;
  const buckets = new Map<number, Bucket>();
  for (let w = first; w <= last; w += WEEK) buckets.set(w, { runs: [], tasks: [] });
  const byWorkflow = new Map<string, Bucket>();
  const workflowBucket = (id: string) => {
    let b = byWorkflow.get(id);
    if (!b) {
      b = { runs: [], tasks: [] };
      byWorkflow.set(id, b);
    }
    return b;
  };
  const runs: RunFact[] = [];
  const tasks: TaskFact[] = [];
  for (const run of input.runs) {
    const bucket = buckets.get(weekStart(Date.parse(run.createdAt)));
    if (!bucket) continue;
    bucket.runs.push(run);
    runs.push(run);
    workflowBucket(run.workflowId).runs.push(run);
  }
  for (const task of input.tasks) {
    const bucket = buckets.get(weekStart(Date.parse(task.createdAt)));
    if (!bucket) continue;
    bucket.tasks.push(task);
    tasks.push(task);
    if (task.workflowId) workflowBucket(task.workflowId).tasks.push(task);
  }
  // A run's people time and steps come from all its tasks, also those opened in a later week.
  const perRun = peoplePerRun(input.tasks, input.now);
  return {
    since: new Date(first).toISOString(),
    totals: figures(runs, tasks, input.now, perRun),
    weeks: [...buckets.entries()].map(
      ([w, b]): WeekFigures => ({ week: new Date(w).toISOString().slice(0, 10), ...figures(b.runs, b.tasks, input.now, perRun) }),
    ),
    workflows: [...byWorkflow.entries()].map(([workflowId, b]) => ({ workflowId, ...figures(b.runs, b.tasks, input.now, perRun) })),
  };
}
