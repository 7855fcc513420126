import type { RunStatus, RunStep, StepStatus } from '../api/workflowTypes.ts';

/** Mantine colour names, one per status, shared by badges, canvas nodes and timeline bars. */
const COLORS: Record<RunStatus | StepStatus | 'not_run', string> = {
  queued: 'gray',
  running: 'blue',
  waiting: 'yellow',
  retrying: 'orange',
  looping: 'violet',
  succeeded: 'teal',
  failed: 'red',
  cancelled: 'dark',
  skipped: 'gray',
  not_run: 'gray',
};

/** The colour of a run or step status (gray for anything unknown). */
export function statusColor(status: string): string {
  return COLORS[status as keyof typeof COLORS] ?? 'gray';
}

export const ACTIVE_RUN_STATUSES: ReadonlySet<string> = new Set(['queued', 'running', 'waiting']);

/** Whether a run may still change (so its pages keep refreshing). */
export function isActiveRun(status: string): boolean {
  return ACTIVE_RUN_STATUSES.has(status);
}

/**
 * One status per node for colouring the graph: each loop item's latest step row (highest seq)
 * counts; across items a failure wins, then anything in progress, then the latest.
 */
export function nodeStatuses(steps: readonly Pick<RunStep, 'nodeId' | 'itemKey' | 'seq' | 'status'>[]): Map<string, StepStatus> {
  const latest = new Map<string, Pick<RunStep, 'nodeId' | 'seq' | 'status'>>();
  for (const step of steps) {
    const key = `${step.nodeId}\u0000${step.itemKey}`;
    const current = latest.get(key);
    if (!current || step.seq > current.seq) latest.set(key, step);
  }
  const rank = (s: StepStatus) => (s === 'failed' ? 3 : s === 'running' || s === 'retrying' || s === 'waiting' || s === 'looping' ? 2 : 1);
  const best = new Map<string, { status: StepStatus; seq: number }>();
  for (const step of latest.values()) {
    const current = best.get(step.nodeId);
    if (!current || rank(step.status) > rank(current.status) || (rank(step.status) === rank(current.status) && step.seq > current.seq)) {
      best.set(step.nodeId, { status: step.status, seq: step.seq });
    }
  }
  return new Map([...best].map(([id, v]) => [id, v.status]));
}
