import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { TaskLinksTable } from '../../platform/db/schema.ts';

export type TaskLinkRow = Selectable<TaskLinksTable>;

/** The only code that touches `task_links` (hashes of one-click e-mail tokens). */
export function createTaskLinksRepository(db: Db) {
  return {
    async insert(rows: TaskLinkRow[], trx: Db = db): Promise<void> {
      if (rows.length > 0) await trx.insertInto('task_links').values(rows).execute();
    },

    findByHash: (hash: string, trx: Db = db) => trx.selectFrom('task_links').selectAll().where('token_hash', '=', hash).executeTakeFirst(),

    /**
     * Marks the link used, and with it every other unused link the same person got for the
     * same task (a decision is taken once). Returns false when the link was used meanwhile.
     */
    async use(link: TaskLinkRow, at: string, trx: Db): Promise<boolean> {
      const result = await trx
        .updateTable('task_links')
        .set({ used_at: at })
        .where('id', '=', link.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await trx
        .updateTable('task_links')
        .set({ used_at: at })
        .where('task_id', '=', link.task_id)
        .where('user_id', '=', link.user_id)
        .where('used_at', 'is', null)
        .execute();
      return true;
    },

    ofTask: (taskId: string, trx: Db = db) =>
      trx.selectFrom('task_links').selectAll().where('task_id', '=', taskId).orderBy('created_at').orderBy('id').execute(),
  };
}

export type TaskLinksRepository = ReturnType<typeof createTaskLinksRepository>;
