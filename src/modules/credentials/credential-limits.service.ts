import type { Clock } from '../../platform/clock.ts';
import type { Db, Dialect } from '../../platform/db/database.ts';
import { randomToken } from '../../platform/ids.ts';
import { type CredentialLimitRow, createCredentialLimitsRepository } from './credential-limits.repository.ts';
import { deferUntil, PERIOD_MS, type RateLimit, type RatePeriod, type SlotKind, slotCounts } from './rate-limit.domain.ts';

/** A call may go out; `release()` when it has ended (never throws). */
export interface LimitGrant {
  granted: true;
  release(): Promise<void>;
}

/** No slot is free: come back at `retryAt` (the step waits durably meanwhile). */
export interface LimitDeferral {
  granted: false;
  retryAt: Date;
  limit: RateLimit;
  /** Which slots ran out. */
  kind: SlotKind;
}

export interface CredentialLimiter {
  /** Takes a token of the credential's limit; always granted when it has none. */
  acquire(credentialId: string): Promise<LimitGrant | LimitDeferral>;
}

export interface LimiterDeps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  log?: { error(message: string, data?: unknown): void };
  /** How long a slot stays held without a heartbeat (a crashed worker's slot frees after it). Default 60 s. */
  holdMs?: number;
}

const NOT_LIMITED: LimitGrant = { granted: true, release: async () => {} };

export function limitOfRow(row: CredentialLimitRow | undefined): RateLimit | null {
  if (!row) return null;
  return {
    requests: Number(row.requests),
    per: row.per as RatePeriod,
    maxConcurrent: row.max_concurrent === null ? null : Number(row.max_concurrent),
  };
}

class NoSlot extends Error {
  constructor(readonly kind: SlotKind) {
    super(`no ${kind} slot`);
  }
}

/**
 * The rate limiter of connector credentials, shared by every process through the database
 * (see rate-limit.domain.ts for the rule). A step takes a slot before it calls out and hands
 * it back when the call ended; a slot held longer than `holdMs` without a heartbeat (its
 * worker died) frees itself.
 *
 * @example
 * const grant = await limiter.acquire(credentialId);
 * if (!grant.granted) return { kind: 'wait', until: grant.retryAt, state: {} };
 * try { await callTheApi(); } finally { await grant.release(); }
 */
export function createCredentialLimiter(deps: LimiterDeps): CredentialLimiter {
  const repo = createCredentialLimitsRepository(deps.db, deps.dialect);
  const holdMs = deps.holdMs ?? 60_000;
  const at = (ms: number) => new Date(ms).toISOString();

  async function defer(credentialId: string, limit: RateLimit, kind: SlotKind): Promise<LimitDeferral> {
    const now = deps.clock.now().getTime();
    const outlook = await repo.outlook(credentialId, kind, at(now));
    const tail = await repo.advanceTail(credentialId, (queueTail) =>
      at(
        deferUntil({
          now,
          kind,
          limit,
          earliestFree: outlook.earliestFree === null ? null : new Date(outlook.earliestFree).getTime(),
          held: outlook.held > 0,
          queueTail: queueTail === null ? null : new Date(queueTail).getTime(),
        }),
      ),
    );
    return { granted: false, retryAt: new Date(tail), limit, kind };
  }

  return {
    async acquire(credentialId) {
      const limit = limitOfRow(await repo.find(credentialId));
      if (!limit) return NOT_LIMITED;
      const counts = slotCounts(limit);
      const holder = randomToken(12);
      const now = deps.clock.now().getTime();
      const holdUntil = at(now + holdMs);
      let slots: { kind: SlotKind; slot: number }[];
      try {
        if (counts.concurrency === 0) {
          const slot = await repo.take(credentialId, 'rate', at(now), holdUntil, holder);
          if (slot === null) throw new NoSlot('rate');
          slots = [{ kind: 'rate', slot }];
        } else {
          // Both or neither: a rate slot taken without a concurrency slot is given back by the rollback.
          slots = await deps.db.transaction().execute(async (trx) => {
            const rate = await repo.take(credentialId, 'rate', at(now), holdUntil, holder, trx);
            if (rate === null) throw new NoSlot('rate');
            const concurrency = await repo.take(credentialId, 'concurrency', at(now), holdUntil, holder, trx);
            if (concurrency === null) throw new NoSlot('concurrency');
            return [
              { kind: 'rate' as const, slot: rate },
              { kind: 'concurrency' as const, slot: concurrency },
            ];
          });
        }
      } catch (error) {
        if (error instanceof NoSlot) return defer(credentialId, limit, error.kind);
        throw error;
      }
      const heartbeat = setInterval(
        () => {
          const until = at(deps.clock.now().getTime() + holdMs);
          for (const s of slots) {
            void repo
              .renew(credentialId, s.kind, s.slot, holder, until)
              .catch((error) => deps.log?.error('renewing a rate-limit slot failed', { credentialId, error: String(error) }));
          }
        },
        Math.max(50, Math.floor(holdMs / 3)),
      );
      heartbeat.unref();
      let released = false;
      return {
        granted: true,
        async release() {
          if (released) return;
          released = true;
          clearInterval(heartbeat);
          const end = deps.clock.now().getTime();
          try {
            for (const s of slots) {
              await repo.release(credentialId, s.kind, s.slot, holder, at(s.kind === 'rate' ? end + PERIOD_MS[limit.per] : end));
            }
          } catch (error) {
            // The slot then frees when its hold runs out; the call itself went well.
            deps.log?.error('releasing a rate-limit slot failed', { credentialId, error: String(error) });
          }
        },
      };
    },
  };
}

/**
 * Stores a credential's limit (or removes it with null) and sizes its slots, inside the
 * caller's transaction. Slots that stay keep their state, so changing a limit never lets a
 * burst through.
 */
export async function saveLimit(db: Db, dialect: Dialect, credentialId: string, limit: RateLimit | null, now: string): Promise<void> {
  const repo = createCredentialLimitsRepository(db, dialect);
  if (!limit) {
    await repo.remove(credentialId, db);
    return;
  }
  await repo.upsert(
    {
      credential_id: credentialId,
      requests: limit.requests,
      per: limit.per,
      max_concurrent: limit.maxConcurrent,
      queue_tail: null,
      updated_at: now,
    },
    db,
  );
  const counts = slotCounts(limit);
  await repo.resizeSlots(credentialId, 'rate', counts.rate, db);
  await repo.resizeSlots(credentialId, 'concurrency', counts.concurrency, db);
}

/** The limits of some credentials, by id (for the API's views). */
export async function loadLimits(db: Db, dialect: Dialect, credentialIds: readonly string[]): Promise<Map<string, RateLimit>> {
  const rows = await createCredentialLimitsRepository(db, dialect).findMany(credentialIds);
  const out = new Map<string, RateLimit>();
  for (const [id, row] of rows) {
    const limit = limitOfRow(row);
    if (limit) out.set(id, limit);
  }
  return out;
}
