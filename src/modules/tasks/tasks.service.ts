import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, isAppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import type { AssigneeSpec } from '../auth/directory.service.ts';
import { userPrincipal } from '../auth/principals.domain.ts';
import { validateForm } from './task-form.domain.ts';
import { createTaskInbox } from './task-inbox.ts';
import { isStale, type TaskLifecycle } from './task-lifecycle.ts';
import { storedForm } from './task-views.ts';
import type { TasksDeps } from './tasks.deps.ts';
import { type DeciderMatch, isOpen, matchDecider, type Policy, sortKeyOf, tallyVotes } from './tasks.domain.ts';
import type { TaskRow } from './tasks.repository.ts';
import type { TaskDetail } from './tasks.schemas.ts';

type Verb = 'approve' | 'reject' | 'complete' | 'resolve' | 'claim';

const KIND_OF: Record<Exclude<Verb, 'claim'>, string> = {
  approve: 'approval',
  reject: 'approval',
  complete: 'form|task',
  resolve: 'exception',
};

const taskError = (
  code: 'TASK_ALREADY_DECIDED' | 'TASK_CLOSED' | 'TASK_EXPIRED' | 'TASK_CANCELLED' | 'TASK_CLAIMED',
  message: string,
  task: TaskRow,
) => new AppError(code, { status: 409, userMessage: message, details: { taskId: task.id, status: task.status, outcome: task.outcome } });

function closedError(task: TaskRow): AppError {
  if (task.status === 'expired') return taskError('TASK_EXPIRED', 'This task timed out; it can no longer be decided.', task);
  if (task.status === 'cancelled') return taskError('TASK_CANCELLED', 'This task was cancelled: its run no longer waits for it.', task);
  return taskError('TASK_CLOSED', `This task was already decided (${task.outcome ?? task.status}).`, task);
}

/** A decision taken through another channel than the inbox (an e-mail's one-click link). */
export interface DecisionVia {
  /** Named in the decision's audit entry (`via`). */
  channel: string;
  /** Runs in the decision's transaction once every check passed (marks the link used). */
  within(trx: Db, task: TaskRow): Promise<void>;
}

const invalidAction = (message: string, path?: string) =>
  new AppError('TASK_ACTION_INVALID', {
    status: 400,
    userMessage: message,
    details: path ? { issues: [{ in: 'body', path, message }] } : null,
  });

/**
 * The inbox and the decisions people take on tasks. Everyone with `tasks.read` sees the tasks
 * that reach them — through their user, teams, team management and roles, and those of people
 * they stand in for; `tasks.work` lets them claim and decide those; `tasks.manage` sees every
 * task (of its teams) and reassigns. Each decision is recorded, audited and handed to the
 * waiting run in one transaction.
 */
export function createTasksService(deps: TasksDeps, lifecycle: TaskLifecycle) {
  const repo = lifecycle.repo;
  const iso = () => deps.clock.now().toISOString();

  const inbox = createTaskInbox(deps, repo);
  const { whoAmI, detail, get } = inbox;

  /**
   * The checks every decision makes, in this order: the task exists and is of the right kind;
   * the person has not decided it already; it is still open; the run's initiator is barred;
   * nobody else claimed it; the person is an assignee (or stands in for one).
   */
  async function prepare(trx: Db, id: string, verb: Verb, me: Awaited<ReturnType<typeof whoAmI>>) {
    const task = await repo.lock(id, trx);
    if (!task) throw notFound('Task', id);
    if (verb !== 'claim' && !KIND_OF[verb].split('|').includes(task.kind)) {
      throw invalidAction(
        `A ${task.kind} task cannot be ${verb === 'complete' ? 'completed' : `${verb}d`}; use ${task.kind === 'approval' ? 'approve or reject' : task.kind === 'exception' ? 'resolve' : 'complete'}.`,
      );
    }
    const decisions = await repo.decisionsOf(id, trx);
    if (decisions.some((d) => d.decider_id === me.userId || d.actor_id === me.userId)) {
      throw taskError('TASK_ALREADY_DECIDED', 'You already decided this task; a decision cannot be changed.', task);
    }
    if (!isOpen(task.status)) throw closedError(task);
    const barred = task.bar_initiator === 1 && task.initiator_id !== null;
    if (barred && task.initiator_id === me.userId) {
      throw new AppError('TASK_SELF_APPROVAL', {
        status: 403,
        userMessage: 'You started this run, so you may not decide its approval yourself.',
        details: { taskId: id },
      });
    }
    if (task.claimed_by !== null && task.claimed_by !== me.userId && !me.delegators.includes(task.claimed_by)) {
      throw taskError('TASK_CLAIMED', 'Someone else claimed this task.', task);
    }
    const assignees = await repo.assigneesOf(id, trx);
    const match = matchDecider({
      userId: me.userId,
      own: me.own,
      delegators: me.delegators,
      assignees,
      policy: task.policy as Policy,
      eligible: task.eligible_json ? (JSON.parse(task.eligible_json) as string[]) : null,
      alreadyVoted: decisions.map((d) => d.decider_id),
    });
    if (!match) {
      throw new AppError('TASK_NOT_ASSIGNEE', {
        status: 403,
        userMessage: 'This task is not assigned to you (nor to anyone you stand in for).',
        details: { taskId: id },
      });
    }
    if (barred && match.onBehalfOf === task.initiator_id) {
      throw new AppError('TASK_SELF_APPROVAL', {
        status: 403,
        userMessage: "The run's initiator may not decide this approval, not even through a stand-in.",
        details: { taskId: id },
      });
    }
    return { task, decisions, match };
  }

  /**
   * Runs a decision in one transaction; when the run no longer waits for the task (it ended
   * meanwhile), nothing of the decision is kept, the task is cancelled and TASK_CANCELLED
   * says so.
   */
  async function decideTx(
    actor: Actor,
    id: string,
    verb: Verb,
    work: (trx: Db, p: Awaited<ReturnType<typeof prepare>>) => Promise<boolean>,
  ) {
    authorize(actor, 'tasks.work');
    const me = await whoAmI(actor);
    let delivered = false;
    try {
      await deps.db.transaction().execute(async (trx) => {
        const prepared = await prepare(trx, id, verb, me);
        delivered = await work(trx, prepared);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const task = await repo.find(id);
        if (task) throw taskError('TASK_ALREADY_DECIDED', 'You already decided this task; a decision cannot be changed.', task);
      }
      if (!isStale(error)) throw error;
      const task = await repo.find(id);
      await deps.db.transaction().execute(async (trx) => {
        const current = await repo.lock(id, trx);
        if (current && isOpen(current.status)) await lifecycle.cancelIn(trx, current, 'the run no longer waits for it');
      });
      throw taskError(
        'TASK_CANCELLED',
        'This task was cancelled: its run no longer waits for it.',
        task ?? ({ id, status: 'cancelled', outcome: null } as TaskRow),
      );
    }
    if (delivered) deps.engine().poke();
    const task = await repo.find(id);
    if (!task) throw notFound('Task', id);
    return detail(actor, task, me);
  }

  async function recordDecision(
    trx: Db,
    actor: Actor,
    task: TaskRow,
    match: DeciderMatch,
    decision: string,
    comment: string,
    data: unknown,
    via?: string,
    minutesSpent?: number,
  ) {
    const row = {
      id: newId(),
      task_id: task.id,
      decider_id: match.deciderId,
      actor_id: actor.userId,
      actor_label: actor.label,
      decision,
      comment,
      data_json: data === undefined ? null : JSON.stringify(data),
      decided_at: iso(),
      minutes_spent: minutesSpent ?? null,
    };
    await repo.insertDecision(row, trx);
    await deps.audit.record(trx, actor, {
      action: `task.${decision}`,
      objectType: 'task',
      objectId: task.id,
      before: { status: task.status },
      after: {
        decision,
        comment,
        onBehalfOf: match.onBehalfOf,
        override: match.override,
        ...(data === undefined ? {} : { data }),
        ...(via ? { via } : {}),
        ...(minutesSpent === undefined ? {} : { minutesSpent }),
      },
    });
    return row;
  }

  async function vote(
    actor: Actor,
    id: string,
    choice: 'approve' | 'reject',
    comment: string,
    via?: DecisionVia,
    minutesSpent?: number,
  ): Promise<TaskDetail> {
    return decideTx(actor, id, choice, async (trx, { task, decisions, match }) => {
      await via?.within(trx, task);
      const mine = await recordDecision(trx, actor, task, match, choice, comment, undefined, via?.channel, minutesSpent);
      const all = [...decisions, mine];
      const overrideBy = match.override ? mine.id : null;
      const outcome = tallyVotes(
        task.policy as Policy,
        task.required_count,
        task.eligible_count,
        all.map((d) => ({ vote: d.decision as 'approve' | 'reject', override: d.id === overrideBy })),
      );
      if (!outcome) {
        await repo.update(task.id, { updated_at: iso() }, trx);
        return false;
      }
      const result = await lifecycle.approvalResult(trx, task, all, outcome, false);
      return (await lifecycle.closeIn(trx, task, { status: 'done', outcome, result, closedBy: actor.userId })).delivered;
    });
  }

  return {
    list: inbox.list,
    counts: inbox.counts,
    get,

    /** `minutesSpent`: what the decider says the decision took (measured value counts it). */
    approve: (actor: Actor, id: string, comment = '', via?: DecisionVia, minutesSpent?: number) =>
      vote(actor, id, 'approve', comment, via, minutesSpent),
    reject: (actor: Actor, id: string, comment = '', via?: DecisionVia, minutesSpent?: number) =>
      vote(actor, id, 'reject', comment, via, minutesSpent),

    /** Completes a form or a to-do: the data is checked against the form (FORM_INVALID lists each field). */
    complete(
      actor: Actor,
      id: string,
      body: { data: Record<string, unknown>; outcome?: string | undefined; comment: string; minutesSpent?: number | undefined },
    ) {
      return decideTx(actor, id, 'complete', async (trx, { task, match }) => {
        const form = storedForm(task);
        const checked = validateForm(form.fields, body.data);
        if (!checked.ok) {
          throw new AppError('FORM_INVALID', {
            status: 400,
            userMessage: `Some fields are not valid: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`,
            details: { issues: checked.issues.map((i) => ({ in: 'body', ...i })) },
          });
        }
        let outcome = 'completed';
        if (task.kind === 'task') {
          const allowed = form.outcomes.length > 0 ? form.outcomes : ['done'];
          outcome = body.outcome ?? allowed[0] ?? 'done';
          if (!allowed.includes(outcome)) throw invalidAction(`Choose one of the outcomes: ${allowed.join(', ')}.`, 'outcome');
        }
        await recordDecision(trx, actor, task, match, 'complete', body.comment, checked.value, undefined, body.minutesSpent);
        const people = await deps.directory.people([match.deciderId], trx);
        const by = { id: match.deciderId, name: people.get(match.deciderId)?.name ?? match.deciderId };
        const at = iso();
        const result =
          task.kind === 'form'
            ? {
                taskId: task.id,
                data: checked.value,
                submittedBy: by,
                onBehalf: match.onBehalfOf !== null,
                comment: body.comment,
                at,
                timedOut: false,
              }
            : {
                taskId: task.id,
                outcome,
                data: checked.value,
                comment: body.comment,
                completedBy: by,
                onBehalf: match.onBehalfOf !== null,
                at,
                timedOut: false,
              };
        return (await lifecycle.closeIn(trx, task, { status: 'done', outcome, result, closedBy: actor.userId })).delivered;
      });
    },

    /** Resolves an exception: retry the step (optionally with edited input), skip it with an output, or abort the run. */
    resolve(
      actor: Actor,
      id: string,
      body: {
        action: 'retry' | 'skip' | 'abort';
        input?: unknown;
        output?: unknown;
        comment: string;
        minutesSpent?: number | undefined;
      },
    ) {
      return decideTx(actor, id, 'resolve', async (trx, { task, match }) => {
        const payload = {
          action: body.action,
          ...(body.action === 'retry' && body.input !== undefined ? { input: body.input } : {}),
          ...(body.action === 'skip' ? { output: body.output ?? null } : {}),
          comment: body.comment,
          by: actor.label,
        };
        await recordDecision(
          trx,
          actor,
          task,
          match,
          body.action,
          body.comment,
          body.action === 'abort' ? undefined : (body.input ?? body.output),
          undefined,
          body.minutesSpent,
        );
        return (await lifecycle.closeIn(trx, task, { status: 'done', outcome: body.action, result: payload, closedBy: actor.userId }))
          .delivered;
      });
    },

    async bulkApprove(actor: Actor, ids: readonly string[], comment = '') {
      const results = [];
      for (const id of ids) {
        try {
          const task = await vote(actor, id, 'approve', comment);
          results.push({ id, ok: true, status: task.status, code: null, message: null });
        } catch (error) {
          if (!isAppError(error)) throw error;
          results.push({ id, ok: false, status: null, code: error.code, message: error.userMessage });
        }
      }
      return { results };
    },

    /** Takes a task so colleagues see someone is on it (single-decision tasks only). */
    async claim(actor: Actor, id: string): Promise<TaskDetail> {
      authorize(actor, 'tasks.work');
      const me = await whoAmI(actor);
      await deps.db.transaction().execute(async (trx) => {
        const { task } = await prepare(trx, id, 'claim', me);
        if (task.policy !== 'any') throw invalidAction('Only tasks one person decides can be claimed.');
        if (task.status === 'claimed') return;
        const at = iso();
        await repo.update(id, { status: 'claimed', claimed_by: me.userId, claimed_at: at, updated_at: at }, trx);
        await repo.addAssignees(
          [{ task_id: id, principal: userPrincipal(me.userId), reason: 'claimed', open: 1, kind: task.kind, sort_at: sortKeyOf(task) }],
          trx,
        );
        await deps.audit.record(trx, actor, {
          action: 'task.claim',
          objectType: 'task',
          objectId: id,
          before: { status: task.status },
          after: { status: 'claimed', claimedBy: me.userId },
        });
      });
      return get(actor, id);
    },

    async unclaim(actor: Actor, id: string): Promise<TaskDetail> {
      authorize(actor, 'tasks.read');
      await deps.db.transaction().execute(async (trx) => {
        const task = await repo.lock(id, trx);
        if (!task) throw notFound('Task', id);
        if (!isOpen(task.status)) throw closedError(task);
        if (task.status !== 'claimed') throw invalidAction('The task is not claimed.');
        if (task.claimed_by !== actor.userId) authorize(actor, 'tasks.manage', { teamId: task.team_id });
        else authorize(actor, 'tasks.work');
        await repo.update(id, { status: 'open', claimed_by: null, claimed_at: null, updated_at: iso() }, trx);
        await repo.removeAssignees(id, ['claimed'], trx);
        await deps.audit.record(trx, actor, {
          action: 'task.unclaim',
          objectType: 'task',
          objectId: id,
          before: { status: 'claimed', claimedBy: task.claimed_by },
          after: { status: 'open' },
        });
      });
      return get(actor, id);
    },

    /** Gives a task to other people (managers): the assignees are replaced, a claim is dropped, who may decide is counted anew. */
    async reassign(actor: Actor, id: string, to: readonly AssigneeSpec[], comment = ''): Promise<TaskDetail> {
      const before = await repo.find(id);
      if (!before) throw notFound('Task', id);
      authorize(actor, 'tasks.manage', { teamId: before.team_id });
      const resolved = await deps.directory.resolve(to, 'to');
      const principals = [...new Set(resolved.flatMap((r) => r.principals))];
      const people = await deps.directory.usersOf(principals);
      const eligible = people.map((p) => p.id).filter((uid) => !(before.bar_initiator === 1 && uid === before.initiator_id));
      if (eligible.length === 0) {
        throw new AppError('ASSIGNEE_UNKNOWN', {
          status: 400,
          userMessage: 'Nobody among the new assignees may decide this task.',
          details: { issues: [{ in: 'body', path: 'to', message: 'No eligible person' }] },
        });
      }
      if (before.policy === 'n_of_m' && before.required_count > eligible.length) {
        throw new AppError('ASSIGNEE_UNKNOWN', {
          status: 400,
          userMessage: `The task needs ${before.required_count} approvals but only ${eligible.length} of the new assignees may decide.`,
          details: { issues: [{ in: 'body', path: 'to', message: 'Too few eligible people' }] },
        });
      }
      await deps.db.transaction().execute(async (trx) => {
        const task = await repo.lock(id, trx);
        if (!task) throw notFound('Task', id);
        if (!isOpen(task.status)) throw closedError(task);
        const old = await repo.assigneesOf(id, trx);
        await repo.removeAssignees(id, ['assigned', 'reassigned', 'claimed'], trx);
        await repo.addAssignees(
          principals.map((principal) => ({
            task_id: id,
            principal,
            reason: 'reassigned',
            open: 1,
            kind: task.kind,
            sort_at: sortKeyOf(task),
          })),
          trx,
        );
        await repo.update(
          id,
          {
            status: 'open',
            claimed_by: null,
            claimed_at: null,
            eligible_count: eligible.length,
            eligible_json: eligible.length <= 1000 ? JSON.stringify(eligible) : null,
            updated_at: iso(),
          },
          trx,
        );
        await deps.audit.record(trx, actor, {
          action: 'task.reassign',
          objectType: 'task',
          objectId: id,
          before: { assignees: old.map((a) => a.principal), claimedBy: task.claimed_by },
          after: { assignees: principals, labels: resolved.map((r) => r.label), comment },
        });
      });
      return get(actor, id);
    },
  };
}

export type { ListQuery } from './task-inbox.ts';

export type TasksService = ReturnType<typeof createTasksService>;
