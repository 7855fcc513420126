import type { Db } from '../../platform/db/database.ts';
import type { FilesTable } from '../../platform/db/schema.ts';

export type FileRow = FilesTable;

export function createFilesRepository(db: Db) {
  return {
    find: (id: string): Promise<FileRow | undefined> => db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst(),

    findMany: (ids: readonly string[]): Promise<FileRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('files')
            .selectAll()
            .where('id', 'in', [...ids])
            .execute(),

    insert: (row: FileRow) => db.insertInto('files').values(row).execute(),

    addChunk: (fileId: string, seq: number, data: Uint8Array) =>
      db.insertInto('file_chunks').values({ file_id: fileId, seq, data }).execute(),

    finish: (id: string, patch: { size: number; content_type: string }) =>
      db
        .updateTable('files')
        .set({ ...patch, status: 'ready' })
        .where('id', '=', id)
        .execute(),

    /** Deletes files and their content (chunks first: SQLite may run without cascading deletes). */
    async remove(ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('file_chunks')
          .where('file_id', 'in', [...ids])
          .execute();
        await trx
          .deleteFrom('files')
          .where('id', 'in', [...ids])
          .execute();
      });
    },

    /** Marks files as held by an accepted submission of a run. */
    attach: (ids: readonly string[], runId: string | null, at: string) =>
      ids.length === 0
        ? Promise.resolve()
        : db
            .updateTable('files')
            .set({ attached_at: at, ...(runId ? { run_id: runId } : {}) })
            .where('id', 'in', [...ids])
            .execute()
            .then(() => undefined),

    chunk: async (fileId: string, seq: number): Promise<Uint8Array | null> =>
      (await db.selectFrom('file_chunks').select('data').where('file_id', '=', fileId).where('seq', '=', seq).executeTakeFirst())?.data ??
      null,

    chunkCount: async (fileId: string): Promise<number> =>
      Number(
        (
          await db
            .selectFrom('file_chunks')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('file_id', '=', fileId)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** Unattached files created before `before` (oldest first), with the status of their task. */
    unattached: (before: string, limit: number) =>
      db
        .selectFrom('files')
        .leftJoin('tasks', 'tasks.id', 'files.task_id')
        .select(['files.id', 'files.status', 'files.task_id', 'files.created_at', 'tasks.status as task_status'])
        .where('files.attached_at', 'is', null)
        .where('files.created_at', '<', before)
        .orderBy('files.created_at')
        .limit(limit)
        .execute(),

    /** Whether a decision on the task holds the file (its data names the file id). */
    heldByDecision: async (taskId: string, fileId: string): Promise<boolean> => {
      const rows = await db.selectFrom('task_decisions').select('data_json').where('task_id', '=', taskId).execute();
      return rows.some((r) => r.data_json?.includes(`"fileId":"${fileId}"`) ?? false);
    },
  };
}

export type FilesRepository = ReturnType<typeof createFilesRepository>;
