import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { EventLogsTable } from '../../platform/db/schema.ts';

export type EventLogRow = Selectable<EventLogsTable>;

export function createEventLogsRepository(db: Db) {
  return {
    /** The log's row and its columns, in the caller's transaction. */
    async insert(row: EventLogRow, columns: { name: string; data: Uint8Array }[], trx: Db): Promise<void> {
      await trx.insertInto('event_logs').values(row).execute();
      for (const column of columns) {
        // One statement per column: a column can be tens of MB, too big to batch.
        await trx
          .insertInto('event_log_columns')
          .values({
            event_log_id: row.id,
            name: column.name,
            data: Buffer.from(column.data.buffer, column.data.byteOffset, column.data.byteLength),
          })
          .execute();
      }
    },
    async findById(id: string, trx: Db = db): Promise<EventLogRow | undefined> {
      return trx.selectFrom('event_logs').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async columns(id: string): Promise<Map<string, Uint8Array>> {
      const rows = await db.selectFrom('event_log_columns').select(['name', 'data']).where('event_log_id', '=', id).execute();
      return new Map(rows.map((r) => [r.name, r.data]));
    },
    /** Newest first, then id (keyset pagination). */
    async list(limit: number, after?: { createdAt: string; id: string }): Promise<EventLogRow[]> {
      let query = db.selectFrom('event_logs').selectAll();
      if (after) {
        query = query.where((eb) =>
          eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
        );
      }
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    },
    async delete(id: string, trx: Db): Promise<void> {
      await trx.deleteFrom('event_log_columns').where('event_log_id', '=', id).execute();
      await trx.deleteFrom('event_logs').where('id', '=', id).execute();
    },
  };
}

export type EventLogsRepository = ReturnType<typeof createEventLogsRepository>;
