import type { Db } from '../../platform/db/database.ts';
import type { UserNotificationsTable } from '../../platform/db/schema.ts';

/** In-app notifications of people (the e-mail outbox is the tasks module's `notifications`). */
export function createUserNotificationsRepository(db: Db) {
  return {
    insert: (rows: UserNotificationsTable[], trx: Db = db) =>
      rows.length === 0
        ? Promise.resolve()
        : trx
            .insertInto('user_notifications')
            .values(rows)
            .execute()
            .then(() => undefined),
    list(userId: string, options: { unreadOnly: boolean; limit: number; before?: { createdAt: string; id: string } | undefined }) {
      let q = db.selectFrom('user_notifications').selectAll().where('user_id', '=', userId);
      if (options.unreadOnly) q = q.where('read_at', 'is', null);
      const before = options.before;
      if (before) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(before.createdAt, before.id)));
      return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
    },
    async unread(userId: string) {
      const row = await db
        .selectFrom('user_notifications')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async markRead(userId: string, ids: string[] | 'all', now: string) {
      let q = db.updateTable('user_notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
      if (ids !== 'all') q = q.where('id', 'in', ids.length > 0 ? ids : ['']);
      return Number((await q.executeTakeFirst()).numUpdatedRows);
    },
  };
}
