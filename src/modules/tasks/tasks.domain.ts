/**
 * The rules of tasks, without I/O: who decides, when an approval is settled, when the
 * scheduler must look at a task again, and how the inbox orders tasks.
 */

export type TaskKind = 'approval' | 'form' | 'task' | 'exception';
export type TaskStatus = 'open' | 'claimed' | 'done' | 'expired' | 'cancelled';
export type Policy = 'any' | 'all' | 'n_of_m';
export type Vote = 'approve' | 'reject';

export const OPEN_STATUSES: readonly TaskStatus[] = ['open', 'claimed'];
export const isOpen = (status: string) => status === 'open' || status === 'claimed';

/** `sort_at` of an open task without a due time: after every dated one. */
export const UNDATED = '9999-12-31T23:59:59.999Z';

/** Inbox order key: open tasks by due time (undated last); closed ones by when they closed. */
export const sortKeyOf = (task: { status: string; due_at: string | null; closed_at: string | null }): string =>
  isOpen(task.status) ? (task.due_at ?? UNDATED) : (task.closed_at ?? UNDATED);

/**
 * Whether an approval is settled by these votes, and how:
 * - an **override** vote (someone the task was escalated to) settles it alone;
 * - `any`: the first vote settles it;
 * - `all`: one rejection rejects; approvals from all `eligible` people approve;
 * - `n_of_m`: `required` approvals approve; more than `eligible − required` rejections
 *   reject (the N can no longer be reached).
 * Returns null while it is still open.
 *
 * @example
 * tallyVotes('n_of_m', 2, 3, [{ vote: 'approve' }, { vote: 'approve' }]) // 'approved'
 * tallyVotes('n_of_m', 2, 3, [{ vote: 'reject' }, { vote: 'reject' }])   // 'rejected'
 */
export function tallyVotes(
  policy: Policy,
  required: number,
  eligible: number,
  votes: readonly { vote: Vote; override?: boolean }[],
): 'approved' | 'rejected' | null {
  const decisive = votes.find((v) => v.override);
  if (decisive) return decisive.vote === 'approve' ? 'approved' : 'rejected';
  const approvals = votes.filter((v) => v.vote === 'approve').length;
  const rejections = votes.length - approvals;
  if (policy === 'any') return votes.length === 0 ? null : votes[0]?.vote === 'approve' ? 'approved' : 'rejected';
  if (policy === 'all') {
    if (rejections > 0) return 'rejected';
    return approvals >= eligible ? 'approved' : null;
  }
  if (approvals >= required) return 'approved';
  if (rejections > eligible - required) return 'rejected';
  return null;
}

/** Votes still needed for an approval to pass (for the inbox: "2 of 3, 1 more needed"). */
export function votesNeeded(policy: Policy, required: number, eligible: number, approvals: number): number {
  const target = policy === 'any' ? 1 : policy === 'all' ? eligible : required;
  return Math.max(0, target - approvals);
}

export interface DeciderMatch {
  /** Whose vote it is: the actor, or the person away whose tasks the actor covers. */
  deciderId: string;
  /** Set when the actor decides on behalf of someone away. */
  onBehalfOf: string | null;
  /** The actor reached the task only through an escalation. */
  override: boolean;
}

/**
 * How `userId` may decide a task with these assignee rows, or null when they may not: through
 * their own principals first (as themselves), else through a delegation from someone away
 * (as that person). Someone who reaches the task only through an escalation decides it alone
 * (override). For `all`, only the people counted when the task opened (`eligible`) vote.
 */
export function matchDecider(input: {
  userId: string;
  own: readonly string[];
  /** Users away who delegated their tasks to `userId` now. */
  delegators: readonly string[];
  assignees: readonly { principal: string; reason: string }[];
  policy: Policy;
  eligible: readonly string[] | null;
  alreadyVoted: readonly string[];
}): DeciderMatch | null {
  const own = new Set(input.own);
  const mine = input.assignees.filter((a) => own.has(a.principal));
  const candidates: DeciderMatch[] = [];
  if (mine.length > 0) {
    // A claim is not an assignment of its own: judge by how the person was reached.
    const reached = mine.filter((a) => a.reason !== 'claimed');
    const override = reached.length > 0 && reached.every((a) => a.reason === 'escalated');
    candidates.push({ deciderId: input.userId, onBehalfOf: null, override });
  }
  for (const away of input.delegators) {
    if (input.assignees.some((a) => a.principal === `u:${away}` && a.reason !== 'escalated')) {
      candidates.push({ deciderId: away, onBehalfOf: away, override: false });
    }
  }
  for (const c of candidates) {
    if (input.alreadyVoted.includes(c.deciderId)) continue;
    if (!c.override && input.policy === 'all' && input.eligible && !input.eligible.includes(c.deciderId)) continue;
    return c;
  }
  return null;
}

export interface TaskTimes {
  status: string;
  due_at: string | null;
  expires_at: string | null;
  escalated_at: string | null;
  signal_pending: number;
  /** When the next reminder is due (open tasks with reminders left). */
  next_remind_at?: string | null;
}

/** Backoff before delivering a decision again to a run that was busy. */
export const SIGNAL_RETRY_MS = 1000;

/**
 * The next moment the scheduler must look at a task: a pending signal (soon), the expiry,
 * the SLA due time (until the breach was handled) and the next reminder of an open task.
 * Null: nothing to do.
 */
export function nextCheckAt(task: TaskTimes, now: Date): string | null {
  const times: string[] = [];
  if (task.signal_pending === 1) times.push(new Date(now.getTime() + SIGNAL_RETRY_MS).toISOString());
  if (isOpen(task.status)) {
    if (task.expires_at) times.push(task.expires_at);
    if (task.due_at && !task.escalated_at) times.push(task.due_at);
    if (task.next_remind_at) times.push(task.next_remind_at);
  }
  return times.length === 0 ? null : (times.sort()[0] ?? null);
}

export type DueWork = 'expire' | 'escalate' | 'remind' | 'resignal';

/**
 * What is due on a task at `now`, in the order to do it: expiry wins over escalation and
 * reminders (an expired task reminds nobody).
 */
export function dueWork(task: TaskTimes, now: string): DueWork[] {
  const out: DueWork[] = [];
  if (task.signal_pending === 1) out.push('resignal');
  if (isOpen(task.status)) {
    if (task.expires_at && task.expires_at <= now) return [...out, 'expire'];
    if (task.due_at && !task.escalated_at && task.due_at <= now) out.push('escalate');
    if (task.next_remind_at && task.next_remind_at <= now) out.push('remind');
  }
  return out;
}

/** Adds a duration ("90s", "15m", "8h", "3d") to a time; null when no duration is given. */
export function addDuration(from: Date, ms: number | null): string | null {
  return ms === null ? null : new Date(from.getTime() + ms).toISOString();
}

/** Due-date filters of the inbox as `sort_at` ranges over open tasks. */
export function dueRange(due: 'overdue' | 'today' | 'week' | 'none' | undefined, now: Date): { lt?: string; gte?: string; eq?: string } {
  if (due === 'overdue') return { lt: now.toISOString() };
  if (due === 'today') {
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
    return { lt: end.toISOString() };
  }
  if (due === 'week') return { lt: new Date(now.getTime() + 7 * 86_400_000).toISOString() };
  if (due === 'none') return { eq: UNDATED };
  return {};
}
