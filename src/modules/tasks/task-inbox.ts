import { z } from 'zod';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize, can, heldPermissions } from '../../platform/permissions/authorize.ts';
import { userPrincipal } from '../auth/principals.domain.ts';
import { createDelegationsRepository } from './delegations.repository.ts';
import { toTaskDetail, toTaskSummary } from './task-views.ts';
import type { TasksDeps } from './tasks.deps.ts';
import { type DeciderMatch, dueRange, isOpen, matchDecider, type Policy } from './tasks.domain.ts';
import type { InboxFilter, TaskListRow, TaskRow, TasksRepository } from './tasks.repository.ts';
import type { TaskDetail } from './tasks.schemas.ts';

const keyset = z.object({ s: z.string(), i: z.string() });
const idCursor = z.object({ i: z.string() });

/**
 * The read side of tasks: who a person answers to, their inbox (one index range per principal,
 * merged), the navigation counts, and a task's page with the actions the person may take now.
 * The decisions (tasks.service.ts) use `whoAmI` and `detail` from here.
 */
export function createTaskInbox(deps: TasksDeps, repo: TasksRepository) {
  const delegations = createDelegationsRepository(deps.db);
  const iso = () => deps.clock.now().toISOString();

  /** Who the actor answers to, and whom they stand in for right now. */
  async function whoAmI(actor: Actor): Promise<{ userId: string; own: string[]; delegators: string[] }> {
    if (!actor.userId) throw new AppError('FORBIDDEN', { status: 403, userMessage: 'Tasks are worked by people: act as a user.' });
    const [own, delegators] = await Promise.all([deps.directory.principalsOf(actor), delegations.activeDelegators(actor.userId, iso())]);
    return { userId: actor.userId, own, delegators };
  }

  const reachable = (me: { own: string[]; delegators: string[] }) => [...me.own, ...me.delegators.map(userPrincipal)];

  async function names(ids: (string | null)[]) {
    return deps.directory.people(ids.filter((x): x is string => x !== null && x !== 'system'));
  }

  const manages = (actor: Actor, task: TaskRow) => can(actor, 'tasks.manage', { teamId: task.team_id });

  /** What `actor` may do with the task now (the UI shows these buttons). */
  function actionsFor(actor: Actor, task: TaskRow, match: DeciderMatch | null): string[] {
    if (!isOpen(task.status)) return [];
    const out: string[] = [];
    const work = can(actor, 'tasks.work');
    const claimedByOther = task.claimed_by !== null && task.claimed_by !== actor.userId;
    if (work && match && !claimedByOther && !(task.bar_initiator === 1 && task.initiator_id === actor.userId)) {
      if (task.kind === 'approval') out.push('approve', 'reject');
      else if (task.kind === 'exception') out.push('resolve');
      else out.push('complete');
      if (task.policy === 'any' && task.status === 'open') out.push('claim');
    }
    if (task.status === 'claimed' && (task.claimed_by === actor.userId || manages(actor, task))) out.push('unclaim');
    if (manages(actor, task)) out.push('reassign');
    return out;
  }

  async function detail(actor: Actor, task: TaskRow, me: Awaited<ReturnType<typeof whoAmI>> | null): Promise<TaskDetail> {
    const [assignees, decisions] = await Promise.all([repo.assigneesOf(task.id), repo.decisionsOf(task.id)]);
    const labels = await deps.directory.labels(assignees.map((a) => a.principal));
    const people = await names([task.claimed_by, task.initiator_id, ...decisions.map((d) => d.decider_id)]);
    const match = me
      ? matchDecider({
          userId: me.userId,
          own: me.own,
          delegators: me.delegators,
          assignees,
          policy: task.policy as Policy,
          eligible: task.eligible_json ? (JSON.parse(task.eligible_json) as string[]) : null,
          alreadyVoted: decisions.map((d) => d.decider_id),
        })
      : null;
    return toTaskDetail({
      row: { ...task, workflow_name: await repo.workflowName(task.workflow_id) },
      assignees,
      labels,
      decisions,
      names: people,
      now: iso(),
      actions: actionsFor(actor, task, match),
    });
  }

  async function listPersonal(actor: Actor, query: ListQuery) {
    const me = await whoAmI(actor);
    const principals =
      query.view === 'mine'
        ? [userPrincipal(me.userId), ...me.delegators.map(userPrincipal)]
        : query.view === 'team'
          ? me.own.filter((p) => !p.startsWith('u:'))
          : reachable(me);
    const open = ['active', 'open', 'claimed'].includes(query.status);
    const range = open ? dueRange(query.due, deps.clock.now()) : {};
    const filter: InboxFilter = {
      open,
      kind: query.kind,
      status: ['open', 'claimed', 'done', 'expired', 'cancelled'].includes(query.status) ? query.status : undefined,
      lt: range.lt,
      eq: range.eq,
    };
    const after = decodeCursor(query.cursor, keyset);
    const pages = await Promise.all(
      principals.map((p) => repo.inboxPage(p, filter, after ? { sortAt: after.s, id: after.i } : undefined, query.limit + 1)),
    );
    const byId = new Map<string, TaskListRow>();
    for (const page of pages) for (const row of page) byId.set(row.id, row);
    const sign = open ? 1 : -1;
    const merged = [...byId.values()].sort(
      (a, b) => sign * (a.sort_at < b.sort_at ? -1 : a.sort_at > b.sort_at ? 1 : a.id < b.id ? -1 : 1),
    );
    const page = merged.slice(0, query.limit);
    const last = page.at(-1);
    return { page, next: merged.length > query.limit && last ? encodeCursor({ s: last.sort_at, i: last.id }) : null };
  }

  async function get(actor: Actor, id: string): Promise<TaskDetail> {
    authorize(actor, 'tasks.read');
    const task = await repo.find(id);
    if (!task) throw notFound('Task', id);
    const me = actor.userId ? await whoAmI(actor) : null;
    if (!manages(actor, task)) {
      const mine = new Set(me ? reachable(me) : []);
      const assignees = await repo.assigneesOf(id);
      const decided = me ? (await repo.decisionsOf(id)).some((d) => d.actor_id === me.userId) : false;
      if (!decided && !assignees.some((a) => mine.has(a.principal))) {
        throw new AppError('FORBIDDEN', {
          status: 403,
          userMessage: 'This task is not in your inbox.',
          details: { permission: 'tasks.manage' },
        });
      }
    }
    return detail(actor, task, me);
  }

  return {
    whoAmI,
    reachable,
    names,
    manages,
    detail,
    get,
    async list(actor: Actor, query: ListQuery) {
      authorize(actor, 'tasks.read');
      let page: TaskListRow[];
      let next: string | null;
      if (query.view === 'all') {
        // A programme manager of one team sees the tasks of that team's workflows.
        if (!heldPermissions(actor).includes('tasks.manage')) authorize(actor, 'tasks.manage');
        const global = can(actor, 'tasks.manage');
        const teamIds = global
          ? undefined
          : actor.grants.filter((g) => g.scopeType === 'team' && g.scopeId).map((g) => g.scopeId as string);
        const statuses =
          query.status === 'active' ? ['open', 'claimed'] : query.status === 'closed' ? ['done', 'expired', 'cancelled'] : [query.status];
        const rows = await repo.allPage({ statuses, kind: query.kind, teamIds }, decodeCursor(query.cursor, idCursor)?.i, query.limit + 1);
        page = rows.slice(0, query.limit);
        const last = page.at(-1);
        next = rows.length > query.limit && last ? encodeCursor({ i: last.id }) : null;
      } else {
        ({ page, next } = await listPersonal(actor, query));
      }
      const people = await names(page.map((r) => r.claimed_by));
      const now = iso();
      return { items: page.map((r) => toTaskSummary(r, people, now)), nextCursor: next };
    },

    /** Open-task counts for the navigation: one index-only scan over the person's principals. */
    async counts(actor: Actor) {
      authorize(actor, 'tasks.read');
      const me = await whoAmI(actor);
      const mine = [userPrincipal(me.userId), ...me.delegators.map(userPrincipal)];
      const c = await repo.counts(reachable(me), mine, iso());
      return {
        inbox: c.total,
        mine: c.mine,
        team: c.total - c.mine,
        overdue: c.overdue,
        byKind: { approval: c.approval, form: c.form, task: c.task, exception: c.exception },
      };
    },
  };
}

export type TaskInbox = ReturnType<typeof createTaskInbox>;

export interface ListQuery {
  view: 'inbox' | 'mine' | 'team' | 'all';
  status: 'active' | 'open' | 'claimed' | 'closed' | 'done' | 'expired' | 'cancelled';
  kind?: 'approval' | 'form' | 'task' | 'exception' | undefined;
  due?: 'overdue' | 'today' | 'week' | 'none' | undefined;
  limit: number;
  cursor?: string | undefined;
}
