import type { StepException } from '../../engine/runtime/exceptions.ts';
import { parseDuration } from '../../engine/steps/flow.ts';
import { type Db, isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { systemActor } from '../../platform/permissions/actor.ts';
import type { AssigneeSpec } from '../auth/directory.service.ts';
import type { FormField } from './task-form.domain.ts';
import { prefillOf } from './task-form.domain.ts';
import { nextReminderAt } from './task-links.domain.ts';
import { createTaskNotifier, type NotifyPlan } from './task-notifier.ts';
import { storedForm } from './task-views.ts';
import type { TasksDeps } from './tasks.deps.ts';
import { type DueWork, dueWork, nextCheckAt, type Policy, sortKeyOf, type TaskKind } from './tasks.domain.ts';
import { type AssigneeRow, createTasksRepository, type DecisionRow, type TaskRow } from './tasks.repository.ts';

/** What a people step asks for when it opens a task. */
export interface OpenTaskInput {
  kind: TaskKind;
  /** The step (and attempt) opening it: opening again with the same key returns the same task. */
  sourceKey: string;
  runId: string;
  workflowId: string;
  nodeId: string;
  itemKey: string;
  title: string;
  description: string;
  assignees: readonly AssigneeSpec[];
  policy: Policy;
  /** N of N-of-M. */
  required?: number | undefined;
  barInitiator: boolean;
  form?: readonly FormField[] | null;
  outcomes?: readonly string[] | undefined;
  context?: unknown;
  slaMs: number | null;
  timeoutMs: number | null;
  onTimeout: string | null;
  escalateTo: readonly AssigneeSpec[];
  credentialId?: string | null | undefined;
  chatCredentialId?: string | null | undefined;
  /** Remind those who have not decided every this many ms, at most `remindMax` times. */
  remindMs?: number | null | undefined;
  remindMax?: number | undefined;
}

/** Who an SLA breach adds, and how the task reaches people (e-mail, chat). */
export interface EscalationPlan extends NotifyPlan {
  principals: string[];
  labels: string[];
}

const STALE = new Set(['RUN_FINISHED', 'STEP_NOT_WAITING']);
/** The run no longer waits for this task (it ended, or the step moved on). */
export const isStale = (error: unknown) => isAppError(error) && STALE.has(error.code);

const MAX_ELIGIBLE_KEPT = 1000;

/**
 * The system side of tasks: opening them for steps, closing them and delivering the outcome
 * to the waiting step (in the same transaction), and the scheduled work — expiry, SLA
 * escalation, delivering a decision again to a run that was busy — and cancelling the tasks of
 * runs that ended.
 */
export function createTaskLifecycle(deps: TasksDeps) {
  const repo = createTasksRepository(deps.db, deps.dialect);
  const iso = () => deps.clock.now().toISOString();
  const notifier = createTaskNotifier(deps);

  function cannotOpen(message: string, path: string): AppError {
    return new AppError('ASSIGNEE_UNKNOWN', {
      status: 400,
      userMessage: message,
      details: { issues: [{ path, message }] },
      retryable: false,
    });
  }

  /**
   * Closes a task and hands its result to the waiting step in the same transaction. The
   * signal goes first, so a run that no longer waits (isStale) throws before anything is
   * written. A busy run leaves the signal pending; the scheduler delivers it again.
   */
  async function closeIn(
    trx: Db,
    task: TaskRow,
    close: { status: 'done' | 'expired'; outcome: string; result: unknown; closedBy: string | null },
  ): Promise<{ delivered: boolean; row: TaskRow }> {
    const now = deps.clock.now();
    let pending = 0;
    let delivered = false;
    if (task.run_id && task.node_id) {
      const outcome = await deps.engine().signalWithin(trx, {
        runId: task.run_id,
        nodeId: task.node_id,
        itemKey: task.item_key,
        signalId: `task:${task.id}`,
        payload: close.result,
      });
      delivered = outcome === 'delivered';
      pending = outcome === 'not-ready' ? 1 : 0;
    }
    const at = now.toISOString();
    const row: TaskRow = {
      ...task,
      status: close.status,
      outcome: close.outcome,
      result_json: JSON.stringify(close.result ?? null),
      closed_at: at,
      closed_by: close.closedBy,
      updated_at: at,
      signal_pending: pending,
    };
    row.next_check_at = nextCheckAt(row, now);
    await repo.update(
      task.id,
      {
        status: row.status,
        outcome: row.outcome,
        result_json: row.result_json,
        closed_at: at,
        closed_by: row.closed_by,
        updated_at: at,
        signal_pending: pending,
        next_check_at: row.next_check_at,
        next_remind_at: null,
      },
      trx,
    );
    await repo.syncAssignees(task.id, false, sortKeyOf(row), trx);
    return { delivered, row };
  }

  /** Marks a task cancelled (its run ended or stopped waiting) inside `trx`. */
  async function cancelIn(trx: Db, task: TaskRow, why: string): Promise<void> {
    const at = iso();
    await repo.update(task.id, { status: 'cancelled', closed_at: at, updated_at: at, next_check_at: null, signal_pending: 0 }, trx);
    await repo.syncAssignees(task.id, false, at, trx);
    await deps.audit.record(trx, systemActor, {
      action: 'task.cancel',
      objectType: 'task',
      objectId: task.id,
      before: { status: task.status },
      after: { status: 'cancelled', why },
    });
  }

  /** The result an approval hands to its step: the decision, who decided and their comments. */
  async function approvalResult(trx: Db, task: TaskRow, decisions: readonly DecisionRow[], outcome: string, timedOut: boolean) {
    const votes = decisions.filter((d) => d.decider_id !== 'system');
    const people = await deps.directory.people(
      votes.map((d) => d.decider_id),
      trx,
    );
    const name = (id: string) => people.get(id)?.name ?? id;
    return {
      taskId: task.id,
      decision: outcome,
      approved: outcome === 'approved',
      timedOut,
      deciders: votes.map((d) => ({
        id: d.decider_id,
        name: name(d.decider_id),
        decision: d.decision,
        onBehalfOf: d.actor_id !== d.decider_id ? d.decider_id : null,
        by: d.actor_label,
        at: d.decided_at,
      })),
      comments: votes
        .filter((d) => d.comment !== '')
        .map((d) => ({ id: d.decider_id, name: name(d.decider_id), comment: d.comment, at: d.decided_at })),
    };
  }

  async function timeoutResult(task: TaskRow, trx: Db): Promise<{ outcome: string; result: unknown }> {
    const policy = task.on_timeout ?? 'fail';
    if (policy === 'fail') return { outcome: 'timeout', result: { taskId: task.id, timedOut: true, fail: true } };
    if (task.kind === 'approval') {
      const outcome = policy === 'approve' ? 'approved' : 'rejected';
      return { outcome, result: await approvalResult(trx, task, await repo.decisionsOf(task.id, trx), outcome, true) };
    }
    if (task.kind === 'form') {
      const { fields } = storedForm(task);
      return { outcome: 'timeout', result: { taskId: task.id, timedOut: true, data: prefillOf(fields), submittedBy: null } };
    }
    return {
      outcome: 'timeout',
      result: { taskId: task.id, timedOut: true, outcome: 'timeout', data: {}, comment: '', completedBy: null },
    };
  }

  async function escalateIn(trx: Db, task: TaskRow): Promise<void> {
    const plan = task.escalate_json ? (JSON.parse(task.escalate_json) as EscalationPlan) : null;
    const at = iso();
    if (plan && plan.principals.length > 0) {
      await repo.addAssignees(
        plan.principals.map((principal) => ({
          task_id: task.id,
          principal,
          reason: 'escalated',
          open: 1,
          kind: task.kind,
          sort_at: sortKeyOf(task),
        })),
        trx,
      );
      await notifier.tellIn(trx, task, plan.principals, 'escalated', plan);
    }
    await repo.update(task.id, { escalated_at: at, updated_at: at }, trx);
    await deps.audit.record(trx, systemActor, {
      action: 'task.escalate',
      objectType: 'task',
      objectId: task.id,
      before: { dueAt: task.due_at },
      after: { escalatedAt: at, to: plan?.labels ?? [] },
    });
  }

  /**
   * Opens a task for a waiting step: resolves assignees (ASSIGNEE_UNKNOWN names any that do
   * not exist), counts who may decide (without a barred initiator), and writes the task, its
   * assignee rows, an audit entry and assignment e-mails in one transaction. A step executed
   * again after a crash gets the task it opened before.
   */
  async function open(input: OpenTaskInput): Promise<{ task: TaskRow; existing: boolean }> {
    const found = await repo.findBySourceKey(input.sourceKey);
    if (found) return { task: found, existing: true };
    const run = await repo.runContext(input.runId);
    const resolved = await deps.directory.resolve(input.assignees);
    const principals = [...new Set(resolved.flatMap((r) => r.principals))];
    const escalation = await deps.directory.resolve(input.escalateTo, 'escalateTo');
    const initiator = run?.started_by ?? null;
    const people = await deps.directory.usersOf(principals);
    const eligible = people.map((p) => p.id).filter((id) => !(input.barInitiator && id === initiator));
    const required = input.policy === 'n_of_m' ? (input.required ?? 1) : 1;
    if (eligible.length === 0) throw cannotOpen('Nobody can decide this task: no active person matches the assignees.', 'assignees');
    if (input.policy === 'n_of_m' && required > eligible.length) {
      throw cannotOpen(`The task needs ${required} approvals but only ${eligible.length} people may decide it.`, 'n');
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const plan: EscalationPlan = {
      principals: [...new Set(escalation.flatMap((r) => r.principals))],
      labels: escalation.map((r) => r.label),
      credentialId: input.credentialId ?? null,
      chatCredentialId: input.chatCredentialId ?? null,
    };
    const remindMax = input.remindMs ? (input.remindMax ?? 3) : 0;
    const row: TaskRow = {
      id: newId(),
      kind: input.kind,
      status: 'open',
      title: input.title.slice(0, 500),
      description: input.description,
      workflow_id: input.workflowId,
      run_id: input.runId,
      node_id: input.nodeId,
      item_key: input.itemKey,
      source_key: input.sourceKey,
      team_id: run?.team_id ?? null,
      policy: input.policy,
      required_count: required,
      eligible_count: eligible.length,
      eligible_json: eligible.length <= MAX_ELIGIBLE_KEPT ? JSON.stringify(eligible) : null,
      bar_initiator: input.barInitiator ? 1 : 0,
      initiator_id: initiator,
      form_json: input.form
        ? JSON.stringify({ fields: input.form, outcomes: input.outcomes ?? [] })
        : input.outcomes
          ? JSON.stringify({ fields: [], outcomes: input.outcomes })
          : null,
      context_json: input.context === undefined ? null : JSON.stringify(input.context),
      outcome: null,
      result_json: null,
      claimed_by: null,
      claimed_at: null,
      due_at: input.slaMs === null ? null : new Date(now.getTime() + input.slaMs).toISOString(),
      expires_at: input.timeoutMs === null ? null : new Date(now.getTime() + input.timeoutMs).toISOString(),
      on_timeout: input.onTimeout,
      escalate_json: JSON.stringify(plan),
      escalated_at: null,
      next_check_at: null,
      signal_pending: 0,
      created_at: at,
      updated_at: at,
      closed_at: null,
      closed_by: null,
      remind_every_ms: input.remindMs ?? null,
      remind_max: remindMax,
      reminders_sent: 0,
      next_remind_at: nextReminderAt(now, input.remindMs ?? null, 0, remindMax),
    };
    row.next_check_at = nextCheckAt(row, now);
    const assignees: AssigneeRow[] = principals.map((principal) => ({
      task_id: row.id,
      principal,
      reason: 'assigned',
      open: 1,
      kind: row.kind,
      sort_at: sortKeyOf(row),
    }));
    try {
      await deps.db.transaction().execute(async (trx) => {
        await repo.insert(row, assignees, trx);
        await deps.audit.record(trx, systemActor, {
          action: 'task.open',
          objectType: 'task',
          objectId: row.id,
          after: {
            kind: row.kind,
            title: row.title,
            runId: row.run_id,
            nodeId: row.node_id,
            assignees: resolved.map((r) => r.label),
            policy: row.policy,
            required,
            eligible: eligible.length,
            dueAt: row.due_at,
            expiresAt: row.expires_at,
          },
        });
        await notifier.tellIn(trx, row, principals, 'assigned', plan);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await repo.findBySourceKey(input.sourceKey);
      if (raced) return { task: raced, existing: true };
      throw error;
    }
    return { task: row, existing: false };
  }

  /**
   * The engine's hook for a step with `onFailure: "task"` that failed for good: an exception
   * task showing the error, the step's input and the runbook link, for the node's assignees
   * (default: builders). Once per step attempt.
   */
  async function openException(e: StepException): Promise<void> {
    const opts = e.options as {
      assignees?: AssigneeSpec[];
      runbookUrl?: string;
      title?: string;
      sla?: string;
      escalateTo?: AssigneeSpec[];
    };
    await open({
      kind: 'exception',
      sourceKey: `exc:${e.idempotencyKey}:${e.attempt}`,
      runId: e.runId,
      workflowId: e.workflowId,
      nodeId: e.nodeId,
      itemKey: e.scope,
      title: (opts.title ?? `Fix "${e.nodeName}": ${e.error.message}`).slice(0, 200),
      description: `The step "${e.nodeName}" failed after ${e.attempt} attempt${e.attempt === 1 ? '' : 's'} (${e.error.code}). Retry it — you may edit its input —, skip it with the output the next steps should get, or abort the run.`,
      assignees: opts.assignees ?? [{ role: 'builder' }],
      policy: 'any',
      barInitiator: false,
      context: {
        error: e.error,
        input: e.input,
        runbookUrl: opts.runbookUrl ?? null,
        nodeId: e.nodeId,
        nodeName: e.nodeName,
        itemKey: e.scope,
        attempt: e.attempt,
      },
      slaMs: opts.sla ? parseDuration(opts.sla) : null,
      timeoutMs: null,
      onTimeout: null,
      escalateTo: opts.escalateTo ?? [],
    });
  }

  return {
    repo,
    closeIn,
    openException,
    cancelIn,
    approvalResult,

    open,

    /** Does what is due on one task (locked; skipped when another process has it). */
    async processDue(id: string): Promise<DueWork[]> {
      let delivered = false;
      const done = await deps.db.transaction().execute(async (trx) => {
        const task = await repo.lock(id, trx, { skipLocked: true });
        const nowIso = iso();
        if (!task || task.next_check_at === null || task.next_check_at > nowIso) return [];
        const work = dueWork(task, nowIso);
        let current = task;
        for (const w of work) {
          if (w === 'resignal' && current.run_id && current.node_id) {
            let pending = 0;
            try {
              const outcome = await deps.engine().signalWithin(trx, {
                runId: current.run_id,
                nodeId: current.node_id,
                itemKey: current.item_key,
                signalId: `task:${current.id}`,
                payload: current.result_json ? JSON.parse(current.result_json) : null,
              });
              delivered ||= outcome === 'delivered';
              pending = outcome === 'not-ready' ? 1 : 0;
            } catch (error) {
              if (!isStale(error)) throw error;
              deps.log.info('a decided task’s run no longer waits for it', { taskId: current.id });
            }
            current = { ...current, signal_pending: pending };
            await repo.update(current.id, { signal_pending: pending }, trx);
          } else if (w === 'expire') {
            const { outcome, result } = await timeoutResult(current, trx);
            try {
              const closed = await closeIn(trx, current, { status: 'expired', outcome, result, closedBy: null });
              delivered ||= closed.delivered;
              current = closed.row;
              await repo.insertDecision(
                {
                  id: newId(),
                  task_id: current.id,
                  decider_id: 'system',
                  actor_id: null,
                  actor_label: 'system (timeout)',
                  decision: 'timeout',
                  comment: '',
                  data_json: JSON.stringify({ outcome }),
                  decided_at: nowIso,
                  minutes_spent: null,
                },
                trx,
              );
              await deps.audit.record(trx, systemActor, {
                action: 'task.expire',
                objectType: 'task',
                objectId: current.id,
                before: { status: task.status },
                after: { status: 'expired', outcome },
              });
            } catch (error) {
              if (!isStale(error)) throw error;
              await cancelIn(trx, current, 'the run no longer waits for it');
              current = { ...current, status: 'cancelled', signal_pending: 0 };
            }
          } else if (w === 'escalate') {
            await escalateIn(trx, current);
            current = { ...current, escalated_at: nowIso };
          } else if (w === 'remind') {
            current = { ...current, ...(await notifier.remindIn(trx, current)) };
          }
        }
        const next = nextCheckAt(current, deps.clock.now());
        await repo.update(current.id, { next_check_at: next }, trx);
        return work;
      });
      if (delivered) deps.engine().poke();
      return done;
    },

    /** Cancels the open tasks of a run that ended (nothing waits for them any more). */
    async cancelForRun(runId: string, runStatus: string): Promise<number> {
      const open = await repo.openOfRun(runId);
      for (const task of open) {
        await deps.db.transaction().execute(async (trx) => {
          const current = await repo.lock(task.id, trx);
          if (current && (current.status === 'open' || current.status === 'claimed'))
            await cancelIn(trx, current, `the run ended ${runStatus}`);
        });
      }
      return open.length;
    },
  };
}

export type TaskLifecycle = ReturnType<typeof createTaskLifecycle>;
