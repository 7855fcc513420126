import type { Selectable } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database.ts';
import type { CredentialLimitsTable } from '../../platform/db/schema.ts';
import type { SlotKind } from './rate-limit.domain.ts';

export type CredentialLimitRow = Selectable<CredentialLimitsTable>;

/** Slots start free: the epoch has passed for everyone. */
const EPOCH = new Date(0).toISOString();
const INSERT_CHUNK = 500;

/**
 * Rate-limit rows of credentials: the limit, the shared slots and the queue tail. Taking a
 * slot is one UPDATE … RETURNING; on PostgreSQL the slot is picked FOR UPDATE SKIP LOCKED, so
 * workers racing for one credential each get a different slot or none.
 */
export function createCredentialLimitsRepository(db: Db, dialect: Dialect) {
  return {
    find: (credentialId: string, trx: Db = db) =>
      trx.selectFrom('credential_limits').selectAll().where('credential_id', '=', credentialId).executeTakeFirst(),

    async findMany(credentialIds: readonly string[]): Promise<Map<string, CredentialLimitRow>> {
      if (credentialIds.length === 0) return new Map();
      const rows = await db.selectFrom('credential_limits').selectAll().where('credential_id', 'in', credentialIds).execute();
      return new Map(rows.map((r) => [r.credential_id, r]));
    },

    async upsert(row: CredentialLimitRow, trx: Db = db): Promise<void> {
      await trx
        .insertInto('credential_limits')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('credential_id')
            .doUpdateSet({ requests: row.requests, per: row.per, max_concurrent: row.max_concurrent, updated_at: row.updated_at }),
        )
        .execute();
    },

    async remove(credentialId: string, trx: Db = db): Promise<void> {
      await trx.deleteFrom('credential_limit_slots').where('credential_id', '=', credentialId).execute();
      await trx.deleteFrom('credential_limits').where('credential_id', '=', credentialId).execute();
    },

    /** Makes `count` slots of `kind` exist (0 … count−1): missing ones are added free, extra ones dropped. */
    async resizeSlots(credentialId: string, kind: SlotKind, count: number, trx: Db = db): Promise<void> {
      await trx
        .deleteFrom('credential_limit_slots')
        .where('credential_id', '=', credentialId)
        .where('kind', '=', kind)
        .where('slot', '>=', count)
        .execute();
      const existing = await trx
        .selectFrom('credential_limit_slots')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('credential_id', '=', credentialId)
        .where('kind', '=', kind)
        .executeTakeFirstOrThrow();
      const have = Number(existing.n);
      for (let start = have; start < count; start += INSERT_CHUNK) {
        const rows = [];
        for (let slot = start; slot < Math.min(count, start + INSERT_CHUNK); slot++) {
          rows.push({ credential_id: credentialId, kind, slot, free_at: EPOCH, holder: null });
        }
        await trx.insertInto('credential_limit_slots').values(rows).execute();
      }
    },

    /** Takes a free slot of `kind` (free_at ≤ now) for `holder` until `holdUntil`; its number, or null when none is free. */
    async take(credentialId: string, kind: SlotKind, now: string, holdUntil: string, holder: string, trx: Db = db): Promise<number | null> {
      const pick = trx
        .selectFrom('credential_limit_slots')
        .select('slot')
        .where('credential_id', '=', credentialId)
        .where('kind', '=', kind)
        .where('free_at', '<=', now)
        .orderBy('free_at')
        .limit(1);
      const row = await trx
        .updateTable('credential_limit_slots')
        .set({ free_at: holdUntil, holder })
        .where('credential_id', '=', credentialId)
        .where('kind', '=', kind)
        .where('slot', '=', dialect === 'postgres' ? pick.forUpdate().skipLocked() : pick)
        .returning('slot')
        .executeTakeFirst();
      return row ? Number(row.slot) : null;
    },

    /** Extends a hold while the call is in flight (only while `holder` still holds it). */
    async renew(credentialId: string, kind: SlotKind, slot: number, holder: string, holdUntil: string): Promise<void> {
      await db
        .updateTable('credential_limit_slots')
        .set({ free_at: holdUntil })
        .where('credential_id', '=', credentialId)
        .where('kind', '=', kind)
        .where('slot', '=', slot)
        .where('holder', '=', holder)
        .execute();
    },

    /** Hands a slot back: free again at `freeAt` (only while `holder` still holds it). */
    async release(credentialId: string, kind: SlotKind, slot: number, holder: string, freeAt: string): Promise<void> {
      await db
        .updateTable('credential_limit_slots')
        .set({ free_at: freeAt, holder: null })
        .where('credential_id', '=', credentialId)
        .where('kind', '=', kind)
        .where('slot', '=', slot)
        .where('holder', '=', holder)
        .execute();
    },

    /** The earliest `free_at` of a slot nobody holds, and how many are held by calls in flight. */
    async outlook(credentialId: string, kind: SlotKind, now: string): Promise<{ earliestFree: string | null; held: number }> {
      const row = await db
        .selectFrom('credential_limit_slots')
        .select((eb) => [
          eb.fn.min<string | null>(eb.case().when('holder', 'is', null).then(eb.ref('free_at')).end()).as('earliest'),
          eb.fn
            .sum<number | string | null>(
              eb
                .case()
                .when(eb.and([eb('holder', 'is not', null), eb('free_at', '>', now)]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('held'),
        ])
        .where('credential_id', '=', credentialId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return { earliestFree: row?.earliest ?? null, held: Number(row?.held ?? 0) };
    },

    /**
     * Moves the queue tail with `next(tail)` under a row lock (PostgreSQL) or SQLite's single
     * writer, so steps deferred at the same moment by different workers get different times.
     */
    async advanceTail(credentialId: string, next: (tail: string | null) => string): Promise<string> {
      return db.transaction().execute(async (trx) => {
        let query = trx.selectFrom('credential_limits').select('queue_tail').where('credential_id', '=', credentialId);
        if (dialect === 'postgres') query = query.forUpdate();
        const row = await query.executeTakeFirst();
        const tail = next(row?.queue_tail ?? null);
        await trx.updateTable('credential_limits').set({ queue_tail: tail }).where('credential_id', '=', credentialId).execute();
        return tail;
      });
    },
  };
}

export type CredentialLimitsRepository = ReturnType<typeof createCredentialLimitsRepository>;
