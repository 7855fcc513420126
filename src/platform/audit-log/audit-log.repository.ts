import type { Db } from '../db/database.ts';
import { containsIgnoreCase, startsWith } from '../db/like.ts';
import type { AuditEventsTable } from '../db/schema.ts';

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

/** The audit log's only Kysely access. There is deliberately no update or delete here. */
export function createAuditLogRepository(db: Db) {
  return {
    async insert(row: AuditEventsTable, trx: Db = db): Promise<void> {
      await trx.insertInto('audit_events').values(row).execute();
    },

    /** Newest first; `beforeId` is the keyset cursor (ids are time-ordered UUIDv7). */
    async list(filter: AuditFilter, limit: number, beforeId?: string): Promise<AuditEventsTable[]> {
      let query = db.selectFrom('audit_events').selectAll();
      if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
      if (filter.action) {
        query = filter.action.endsWith('.') ? query.where(startsWith('action', filter.action)) : query.where('action', '=', filter.action);
      }
      if (filter.objectType) query = query.where('object_type', '=', filter.objectType);
      if (filter.objectId) query = query.where('object_id', '=', filter.objectId);
      if (filter.from) query = query.where('occurred_at', '>=', filter.from);
      if (filter.to) query = query.where('occurred_at', '<=', filter.to);
      if (filter.q) {
        const q = filter.q;
        query = query.where((eb) =>
          eb.or(['actor_label', 'action', 'object_id', 'after_json', 'before_json'].map((c) => containsIgnoreCase(c, q))),
        );
      }
      if (beforeId) query = query.where('id', '<', beforeId);
      return query.orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
