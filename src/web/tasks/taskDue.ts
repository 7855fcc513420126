const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span as a short phrase: "under a minute", "25 min", "3 h", "2 d". Rounds down. */
export function spanPhrase(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return 'under a minute';
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < 2 * DAY) return `${Math.floor(abs / HOUR)} h`;
  return `${Math.floor(abs / DAY)} d`;
}

export interface DueInfo {
  /** "due in 3 h", "overdue by 2 d", "no due date", "was due 3 h before it closed"… */
  label: string;
  /** Open and past its due time: shown in red. */
  overdue: boolean;
}

const isOpen = (status: string) => status === 'open' || status === 'claimed';

/**
 * When a task is due, relative to `now` (ms since epoch): open tasks count down (or up, when
 * overdue); closed ones say whether they closed in time.
 */
export function describeDue(task: { dueAt: string | null; status: string; closedAt?: string | null }, now: number): DueInfo {
  if (!task.dueAt) return { label: 'no due date', overdue: false };
  const due = Date.parse(task.dueAt);
  if (isOpen(task.status)) {
    return due < now
      ? { label: `overdue by ${spanPhrase(now - due)}`, overdue: true }
      : { label: `due in ${spanPhrase(due - now)}`, overdue: false };
  }
  const closed = task.closedAt ? Date.parse(task.closedAt) : null;
  if (closed === null) return { label: 'was due', overdue: false };
  return { label: closed <= due ? 'closed in time' : `closed ${spanPhrase(closed - due)} late`, overdue: false };
}

export type SlaState = 'none' | 'on-time' | 'due-soon' | 'breached' | 'met' | 'missed';

/**
 * Where a task stands against its SLA: `none` without one; open: `breached` past the due time,
 * `due-soon` within the last quarter of it (at least the last hour), else `on-time`; closed:
 * `met` or `missed`.
 */
export function slaState(
  task: { dueAt: string | null; createdAt: string; status: string; closedAt?: string | null },
  now: number,
): SlaState {
  if (!task.dueAt) return 'none';
  const due = Date.parse(task.dueAt);
  if (!isOpen(task.status)) {
    const closed = task.closedAt ? Date.parse(task.closedAt) : now;
    return closed <= due ? 'met' : 'missed';
  }
  if (now > due) return 'breached';
  const window = Math.max(HOUR, (due - Date.parse(task.createdAt)) / 4);
  return due - now <= window ? 'due-soon' : 'on-time';
}

export const SLA_LABELS: Record<SlaState, { label: string; color: string }> = {
  none: { label: 'No SLA', color: 'gray' },
  'on-time': { label: 'On time', color: 'teal' },
  'due-soon': { label: 'Due soon', color: 'yellow' },
  breached: { label: 'SLA breached', color: 'red' },
  met: { label: 'SLA met', color: 'teal' },
  missed: { label: 'SLA missed', color: 'red' },
};
