/**
 * The rules of one-click task links, without I/O: what a link may do, when it expires, and
 * whether one presented now still works. A link's token is 32 random bytes (256 bits) in
 * base64url; only its SHA-256 is stored.
 */

export type LinkAction = 'approve' | 'reject' | 'open';

/** A token as the e-mail carries it: 43 base64url characters (32 random bytes). */
export const TASK_LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Default lifetime of a link when its task has no earlier expiry. */
export const DEFAULT_LINK_DAYS = 7;

const DAY_MS = 86_400_000;

/** The links a task's e-mail carries: approve and reject (and open) for approvals, open for the rest. */
export function linkActionsFor(kind: string): LinkAction[] {
  return kind === 'approval' ? ['approve', 'reject', 'open'] : ['open'];
}

/**
 * When a link made at `now` stops working: after `days`, or when its task expires, whichever
 * comes first.
 *
 * @example
 * linkExpiry(new Date('2026-11-24T08:00:00Z'), '2026-11-25T08:00:00.000Z', 7) // '2026-11-25T08:00:00.000Z'
 */
export function linkExpiry(now: Date, taskExpiresAt: string | null, days: number): string {
  const byDays = new Date(now.getTime() + days * DAY_MS).toISOString();
  return taskExpiresAt !== null && taskExpiresAt < byDays ? taskExpiresAt : byDays;
}

export type LinkProblem = 'TASK_LINK_INVALID' | 'TASK_LINK_USED' | 'TASK_LINK_EXPIRED';

/**
 * Why a stored link cannot be used at `now` (null: it can): used once already, past its expiry,
 * or presented for another task or action than it was made for (`expect`, what the
 * confirmation page showed).
 */
export function linkProblem(
  link: { task_id: string; action: string; used_at: string | null; expires_at: string },
  now: string,
  expect: { taskId?: string | undefined; action?: string | undefined } = {},
): LinkProblem | null {
  if (expect.taskId !== undefined && expect.taskId !== link.task_id) return 'TASK_LINK_INVALID';
  if (expect.action !== undefined && expect.action !== link.action) return 'TASK_LINK_INVALID';
  if (link.used_at !== null) return 'TASK_LINK_USED';
  if (link.expires_at <= now) return 'TASK_LINK_EXPIRED';
  return null;
}

/**
 * The next reminder after one sent (or the task opened) at `from`, or null when `sent` reminders
 * reached `max` or the task has no reminders.
 */
export function nextReminderAt(from: Date, everyMs: number | null, sent: number, max: number): string | null {
  if (everyMs === null || everyMs <= 0 || sent >= max) return null;
  return new Date(from.getTime() + everyMs).toISOString();
}
