import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { AuditEventsTable } from '../db/schema.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../permissions/actor.ts';
import { authorize } from '../permissions/authorize.ts';
import { type AuditEventView, auditCsvHeader, auditCsvRow } from './audit-log.domain.ts';
import { type AuditFilter, createAuditLogRepository } from './audit-log.repository.ts';

export interface AuditEntry {
  /** `<objectType>.<verb>`, e.g. `team.update`. */
  action: string;
  objectType: string;
  objectId: string | null;
  before?: unknown;
  after?: unknown;
}

const REDACTED_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'token', 'token_hash', 'tokenHash', 'secret']);

/** Deep copy without secrets: an audit entry must never hold a password or token. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = REDACTED_KEYS.has(k) ? '[redacted]' : redact(v);
    return out;
  }
  return value;
}

function toView(row: AuditEventsTable): AuditEventView {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    requestId: row.request_id,
    ip: row.ip,
  };
}

/** The audit log: every change to shared data is recorded here, in the same transaction. */
export function createAuditLog(deps: { db: Db; clock: Clock }) {
  const repo = createAuditLogRepository(deps.db);
  return {
    /** Records `entry` inside `trx` so the change and its audit entry commit together. */
    async record(trx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
      await repo.insert(
        {
          id: newId(),
          occurred_at: deps.clock.now().toISOString(),
          actor_type: actor.type,
          actor_id: actor.userId,
          actor_label: actor.label,
          action: entry.action,
          object_type: entry.objectType,
          object_id: entry.objectId,
          before_json: entry.before === undefined || entry.before === null ? null : JSON.stringify(redact(entry.before)),
          after_json: entry.after === undefined || entry.after === null ? null : JSON.stringify(redact(entry.after)),
          request_id: actor.requestId,
          ip: actor.ip,
        },
        trx,
      );
    },

    async list(actor: Actor, filter: AuditFilter, limit: number, cursor?: string) {
      authorize(actor, 'audit.read');
      const rows = await repo.list(filter, limit + 1, cursor);
      const page = rows.slice(0, limit);
      return {
        items: page.map(toView),
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    /** Streams every matching event, newest first, as CSV or JSON chunks. */
    async *export(actor: Actor, filter: AuditFilter, format: 'csv' | 'json'): AsyncGenerator<string> {
      authorize(actor, 'audit.read');
      yield format === 'csv' ? auditCsvHeader() : '[';
      let cursor: string | undefined;
      let first = true;
      for (;;) {
        const rows = await repo.list(filter, 500, cursor);
        for (const row of rows) {
          const view = toView(row);
          if (format === 'csv') yield auditCsvRow(view);
          else {
            yield `${first ? '\n' : ',\n'}${JSON.stringify(view)}`;
            first = false;
          }
        }
        if (rows.length < 500) break;
        cursor = rows.at(-1)?.id;
      }
      if (format === 'json') yield '\n]\n';
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
