import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize, can } from '../../platform/permissions/authorize.ts';
import { createDelegationsRepository, type DelegationRow } from './delegations.repository.ts';
import type { TasksDeps } from './tasks.deps.ts';
import type { DelegationView } from './tasks.schemas.ts';

const MAX_SPAN_MS = 366 * 86_400_000;

const invalid = (message: string, path: string) =>
  new AppError('DELEGATION_INVALID', { status: 400, userMessage: message, details: { issues: [{ in: 'body', path, message }] } });

/**
 * Out of office: while someone is away, a stand-in sees and decides the tasks assigned to
 * them personally (as their vote, marked as taken on their behalf). People set their own;
 * `tasks.manage` sets anyone's. Stand-ins do not pass tasks on (no chains).
 */
export function createDelegationsService(deps: Pick<TasksDeps, 'db' | 'clock' | 'audit' | 'directory'>) {
  const repo = createDelegationsRepository(deps.db);

  function view(row: DelegationRow & { user_name: string | null; delegate_name: string | null }, now: string): DelegationView {
    return {
      id: row.id,
      user: { id: row.user_id, name: row.user_name ?? row.user_id },
      delegate: { id: row.delegate_id, name: row.delegate_name ?? row.delegate_id },
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      note: row.note,
      active: row.cancelled_at === null && row.starts_at <= now && row.ends_at > now,
      cancelledAt: row.cancelled_at,
      createdAt: row.created_at,
    };
  }

  async function personId(ref: string, path: string): Promise<string> {
    const [resolved] = await deps.directory.resolve([{ user: ref }], path).catch(() => {
      throw invalid(`No active user "${ref}".`, path);
    });
    const principal = resolved?.principals[0] ?? '';
    return principal.slice(2);
  }

  return {
    async create(
      actor: Actor,
      input: { delegate: string; user?: string | undefined; startsAt?: string | undefined; endsAt: string; note: string },
    ): Promise<DelegationView> {
      authorize(actor, 'tasks.work');
      const userId = input.user ? await personId(input.user, 'user') : actor.userId;
      if (!userId) throw invalid('Say who is away.', 'user');
      if (userId !== actor.userId) authorize(actor, 'tasks.manage');
      const delegateId = await personId(input.delegate, 'delegate');
      if (delegateId === userId) throw invalid('Choose someone else to stand in.', 'delegate');
      const now = deps.clock.now();
      const starts = input.startsAt ? new Date(input.startsAt) : now;
      const ends = new Date(input.endsAt);
      if (ends <= starts) throw invalid('The end must come after the start.', 'endsAt');
      if (ends <= now) throw invalid('The end is in the past.', 'endsAt');
      if (ends.getTime() - starts.getTime() > MAX_SPAN_MS) throw invalid('A delegation lasts at most a year.', 'endsAt');
      const overlapping = await repo.overlapping(userId, starts.toISOString(), ends.toISOString());
      if (overlapping.length > 0) throw invalid('Another delegation of this person overlaps these dates; cancel it first.', 'startsAt');
      const row: DelegationRow = {
        id: newId(),
        user_id: userId,
        delegate_id: delegateId,
        starts_at: starts.toISOString(),
        ends_at: ends.toISOString(),
        note: input.note,
        created_by: actor.userId,
        created_at: now.toISOString(),
        cancelled_at: null,
      };
      await deps.db.transaction().execute(async (trx) => {
        await repo.insert(row, trx);
        await deps.audit.record(trx, actor, {
          action: 'task_delegation.create',
          objectType: 'task_delegation',
          objectId: row.id,
          after: { userId, delegateId, startsAt: row.starts_at, endsAt: row.ends_at, note: row.note },
        });
      });
      const stored = await repo.find(row.id);
      if (!stored) throw notFound('Delegation', row.id);
      return view(stored, now.toISOString());
    },

    async list(actor: Actor, query: { all: boolean; includeEnded: boolean }): Promise<DelegationView[]> {
      authorize(actor, 'tasks.read');
      if (query.all) authorize(actor, 'tasks.manage');
      const now = deps.clock.now().toISOString();
      const rows = await repo.list({ userId: query.all ? undefined : (actor.userId ?? ''), now, includeEnded: query.includeEnded });
      return rows.map((r) => view(r, now));
    },

    /** Ends a delegation now (the person is back): theirs, or anyone's with tasks.manage. */
    async cancel(actor: Actor, id: string): Promise<DelegationView> {
      authorize(actor, 'tasks.work');
      const row = await repo.find(id);
      if (!row) throw notFound('Delegation', id);
      if (row.user_id !== actor.userId && !can(actor, 'tasks.manage')) authorize(actor, 'tasks.manage');
      const now = deps.clock.now().toISOString();
      if (row.cancelled_at !== null || row.ends_at <= now) return view(row, now);
      await deps.db.transaction().execute(async (trx) => {
        await repo.update(id, { cancelled_at: now }, trx);
        await deps.audit.record(trx, actor, {
          action: 'task_delegation.cancel',
          objectType: 'task_delegation',
          objectId: id,
          before: { endsAt: row.ends_at },
          after: { cancelledAt: now },
        });
      });
      return view({ ...row, cancelled_at: now }, now);
    },
  };
}

export type DelegationsService = ReturnType<typeof createDelegationsService>;
