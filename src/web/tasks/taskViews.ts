import type { Delegation, TaskDecision } from './taskTypes.ts';

/**
 * How far an approval is: approvals so far and approvals needed (`all`: everyone who could
 * decide when it opened; `n_of_m`: N). Null for `any`, where the first decision settles it.
 */
export function approvalProgress(task: {
  policy: 'any' | 'all' | 'n_of_m';
  eligible: number;
  required: number;
  decisions: Pick<TaskDecision, 'decision'>[];
}): { done: number; needed: number } | null {
  if (task.policy === 'any') return null;
  const done = task.decisions.filter((d) => d.decision === 'approve').length;
  return { done, needed: task.policy === 'all' ? task.eligible : task.required };
}

export type DelegationState = 'active' | 'planned' | 'ended' | 'cancelled';

/** Where a delegation stands at `now` (ms): cancelled, in effect, not yet begun, or over. */
export function delegationState(d: Pick<Delegation, 'active' | 'cancelledAt' | 'startsAt' | 'endsAt'>, now: number): DelegationState {
  if (d.cancelledAt) return 'cancelled';
  if (d.active) return 'active';
  return Date.parse(d.startsAt) > now ? 'planned' : 'ended';
}
