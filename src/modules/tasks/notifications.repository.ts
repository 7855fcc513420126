import type { Selectable } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database.ts';
import type { NotificationsTable } from '../../platform/db/schema.ts';

export type NotificationRow = Selectable<NotificationsTable>;

/** The notification outbox: the only code that touches `notifications`. */
export function createNotificationsRepository(db: Db, dialect: Dialect) {
  return {
    /** Inserts rows; a row whose dedupe key exists already is skipped (a step executed again). */
    async enqueue(rows: NotificationRow[], trx: Db = db): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('notifications')
        .values(rows)
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
    },
    /**
     * Takes up to `limit` due notifications for delivery: moves their next attempt to
     * `leaseUntil` first, so another process (or a crash) does not send them twice at once.
     */
    async take(now: string, leaseUntil: string, limit: number): Promise<NotificationRow[]> {
      return db.transaction().execute(async (trx) => {
        let q = trx.selectFrom('notifications').selectAll().where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit);
        if (dialect === 'postgres') q = q.forUpdate().skipLocked();
        const rows = await q.execute();
        if (rows.length > 0) {
          await trx
            .updateTable('notifications')
            .set({ next_attempt_at: leaseUntil })
            .where(
              'id',
              'in',
              rows.map((r) => r.id),
            )
            .execute();
        }
        return rows;
      });
    },
    async update(id: string, patch: Partial<NotificationRow>, trx: Db = db): Promise<void> {
      await trx.updateTable('notifications').set(patch).where('id', '=', id).execute();
    },
    ofRun: (runId: string, trx: Db = db) =>
      trx.selectFrom('notifications').selectAll().where('run_id', '=', runId).orderBy('created_at').orderBy('id').execute(),
    ofTask: (taskId: string, trx: Db = db) =>
      trx.selectFrom('notifications').selectAll().where('task_id', '=', taskId).orderBy('created_at').orderBy('id').execute(),
  };
}
