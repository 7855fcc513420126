import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { TaskDelegationsTable } from '../../platform/db/schema.ts';

export type DelegationRow = Selectable<TaskDelegationsTable>;

/** Out-of-office delegations: the only code that touches `task_delegations`. */
export function createDelegationsRepository(db: Db) {
  const withNames = (trx: Db) =>
    trx
      .selectFrom('task_delegations as d')
      .leftJoin('users as u', 'u.id', 'd.user_id')
      .leftJoin('users as g', 'g.id', 'd.delegate_id')
      .selectAll('d')
      .select(['u.name as user_name', 'g.name as delegate_name']);

  return {
    async insert(row: DelegationRow, trx: Db = db): Promise<void> {
      await trx.insertInto('task_delegations').values(row).execute();
    },
    find: (id: string, trx: Db = db) => withNames(trx).where('d.id', '=', id).executeTakeFirst(),
    async update(id: string, patch: Partial<DelegationRow>, trx: Db = db): Promise<void> {
      await trx.updateTable('task_delegations').set(patch).where('id', '=', id).execute();
    },
    /** People away now who handed their tasks to `delegateId`. */
    async activeDelegators(delegateId: string, now: string, trx: Db = db): Promise<string[]> {
      const rows = await trx
        .selectFrom('task_delegations')
        .select('user_id')
        .where('delegate_id', '=', delegateId)
        .where('ends_at', '>', now)
        .where('starts_at', '<=', now)
        .where('cancelled_at', 'is', null)
        .execute();
      return [...new Set(rows.map((r) => r.user_id))];
    },
    /** Delegations given or received by `userId` that have not ended (or every one for managers). */
    list(filter: { userId?: string | undefined; now: string; includeEnded: boolean }, trx: Db = db) {
      let q = withNames(trx);
      if (filter.userId) {
        const userId = filter.userId;
        q = q.where((eb) => eb.or([eb('d.user_id', '=', userId), eb('d.delegate_id', '=', userId)]));
      }
      if (!filter.includeEnded) q = q.where('d.ends_at', '>', filter.now).where('d.cancelled_at', 'is', null);
      return q.orderBy('d.starts_at').orderBy('d.id').limit(500).execute();
    },
    /** Delegations of `userId` overlapping [starts, ends). */
    overlapping: (userId: string, starts: string, ends: string, trx: Db = db) =>
      trx
        .selectFrom('task_delegations')
        .selectAll()
        .where('user_id', '=', userId)
        .where('cancelled_at', 'is', null)
        .where('starts_at', '<', ends)
        .where('ends_at', '>', starts)
        .execute(),
  };
}
