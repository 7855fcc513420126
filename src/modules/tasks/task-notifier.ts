import { hashSecret } from '../../platform/auth/secret-hash.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import { systemActor } from '../../platform/permissions/actor.ts';
import type { Person } from '../auth/directory.service.ts';
import { DEFAULT_LINK_DAYS, type LinkAction, linkActionsFor, linkExpiry, nextReminderAt } from './task-links.domain.ts';
import { createTaskLinksRepository, type TaskLinkRow } from './task-links.repository.ts';
import { renderTaskChat, renderTaskMail, type TaskMailLinks, type TaskMailReason, type TaskMessageInput } from './task-mail.domain.ts';
import type { TasksDeps } from './tasks.deps.ts';
import { createTasksRepository, type TaskRow } from './tasks.repository.ts';

/** How a task reaches people besides the inbox: an SMTP credential (e-mails with links) and a chat incoming webhook. */
export interface NotifyPlan {
  credentialId: string | null;
  chatCredentialId?: string | null | undefined;
}

/** At most this many people get an e-mail about one task at once. */
const MAX_MAILS = 200;

/**
 * Tells people about a task where they are, inside the transaction that opens, escalates or
 * reminds: one e-mail per person with one-click links made for them (only hashes are stored),
 * and one chat message per channel. Everything goes through the notification outbox.
 */
export function createTaskNotifier(deps: TasksDeps) {
  const links = createTaskLinksRepository(deps.db);
  const tasks = createTasksRepository(deps.db, deps.dialect);
  const base = (deps.publicUrl ?? '').replace(/\/+$/, '');
  const linkDays = deps.linkDays ?? DEFAULT_LINK_DAYS;

  function messageOf(task: TaskRow, reason: TaskMailReason, reminder?: { n: number; of: number }): TaskMessageInput {
    const context = task.context_json ? (JSON.parse(task.context_json) as Record<string, unknown> | null) : null;
    return {
      reason,
      kind: task.kind,
      title: task.title,
      description: task.description,
      dueAt: task.due_at,
      shown: context && typeof context === 'object' && 'data' in context ? context.data : context,
      inboxUrl: `${base}/tasks/${task.id}`,
      reminder,
    };
  }

  /** Makes this person's links to the task: a fresh random token per action, stored as its hash. */
  async function issueLinks(trx: Db, task: TaskRow, userId: string, now: Date): Promise<TaskMailLinks> {
    const rows: TaskLinkRow[] = [];
    const out: Partial<Record<LinkAction, string>> = {};
    const expiresAt = linkExpiry(now, task.expires_at, linkDays);
    for (const action of linkActionsFor(task.kind)) {
      const token = randomToken(32);
      rows.push({
        id: newId(),
        task_id: task.id,
        user_id: userId,
        action,
        token_hash: hashSecret(token),
        expires_at: expiresAt,
        used_at: null,
        created_at: now.toISOString(),
      });
      out[action] = `${base}/act/${token}`;
    }
    await links.insert(rows, trx);
    return out;
  }

  async function notifyIn(
    trx: Db,
    task: TaskRow,
    people: readonly Person[],
    reason: TaskMailReason,
    plan: NotifyPlan,
    round = '',
    reminder?: { n: number; of: number },
  ): Promise<void> {
    const message = messageOf(task, reason, reminder);
    const kind = `task.${reason}`;
    if (plan.credentialId && people.length > 0) {
      const now = deps.clock.now();
      const items = [];
      for (const person of people.slice(0, MAX_MAILS)) {
        const mail = renderTaskMail(message, await issueLinks(trx, task, person.id, now));
        items.push({
          kind,
          recipient: person.email,
          userId: person.id,
          subject: mail.subject,
          body: mail.text,
          html: mail.html,
          taskId: task.id,
          runId: task.run_id,
          credentialId: plan.credentialId,
          dedupeKey: `${kind}:${task.id}${round}:${person.id}`,
        });
      }
      await deps.notifications.enqueueIn(trx, items);
    }
    if (plan.chatCredentialId) {
      const chat = renderTaskChat(message);
      await deps.notifications.enqueueIn(trx, [
        {
          channel: 'chat',
          kind,
          recipient: 'chat',
          userId: null,
          subject: chat.title,
          body: chat.text,
          taskId: task.id,
          runId: task.run_id,
          credentialId: plan.chatCredentialId,
          dedupeKey: `chat:${kind}:${task.id}${round}`,
        },
      ]);
    }
  }

  const planOf = (task: TaskRow): NotifyPlan =>
    task.escalate_json ? (JSON.parse(task.escalate_json) as NotifyPlan) : { credentialId: null };

  return {
    notifyIn,
    planOf,

    /** Tells the people these principals stand for about a task (opened or escalated to them). */
    async tellIn(trx: Db, task: TaskRow, principals: string[], reason: 'assigned' | 'escalated', plan: NotifyPlan): Promise<void> {
      if (!plan.credentialId && !plan.chatCredentialId) return;
      const people = plan.credentialId ? await deps.directory.usersOf(principals, trx) : [];
      // A barred initiator may not decide: no links for them.
      const barred = task.bar_initiator === 1 ? task.initiator_id : null;
      await notifyIn(
        trx,
        task,
        people.filter((p) => p.id !== barred),
        reason,
        plan,
      );
    },

    /**
     * Reminds those who have not decided yet (only the claimer of a claimed task; for `all`
     * only those counted when it opened; never a barred initiator), then schedules the next
     * reminder until `remind_max` were sent. Returns the task's new reminder fields.
     */
    async remindIn(trx: Db, task: TaskRow): Promise<Pick<TaskRow, 'reminders_sent' | 'next_remind_at'>> {
      const now = deps.clock.now();
      const n = task.reminders_sent + 1;
      const [assignees, decisions] = await Promise.all([tasks.assigneesOf(task.id, trx), tasks.decisionsOf(task.id, trx)]);
      const decided = new Set(decisions.flatMap((d) => [d.decider_id, d.actor_id]));
      const eligible = task.policy === 'all' && task.eligible_json ? new Set(JSON.parse(task.eligible_json) as string[]) : null;
      const people = (
        await deps.directory.usersOf(task.claimed_by ? [`u:${task.claimed_by}`] : assignees.map((a) => a.principal), trx)
      ).filter(
        (p) => !decided.has(p.id) && !(task.bar_initiator === 1 && p.id === task.initiator_id) && (eligible === null || eligible.has(p.id)),
      );
      await notifyIn(trx, task, people, 'reminder', planOf(task), `:r${n}`, { n, of: task.remind_max });
      const next = { reminders_sent: n, next_remind_at: nextReminderAt(now, task.remind_every_ms, n, task.remind_max) };
      await tasks.update(task.id, { ...next, updated_at: now.toISOString() }, trx);
      await deps.audit.record(trx, systemActor, {
        action: 'task.remind',
        objectType: 'task',
        objectId: task.id,
        before: { remindersSent: task.reminders_sent },
        after: { remindersSent: n, reminded: people.map((p) => p.id), nextRemindAt: next.next_remind_at },
      });
      return next;
    },
  };
}

export type TaskNotifier = ReturnType<typeof createTaskNotifier>;
