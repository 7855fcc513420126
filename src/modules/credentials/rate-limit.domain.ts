/**
 * Pure rules of credential rate limits: how many slots a limit needs, how far apart deferred
 * steps are spread, and when a step that found no free slot comes back.
 *
 * The limit is a sliding window kept as slots: a credential allowed `requests` per `per` has
 * `requests` rate slots. A call takes a slot whose `free_at` has passed, holds it while it is
 * in flight, and on its end sets `free_at = end + per`. Two calls on one slot are therefore at
 * least `per` apart — from the end of the first to the start of the second — so no window of
 * length `per` ever sees more than `requests` calls, however long a call takes or however its
 * latency varies. A held slot also caps calls in flight at `requests`; `maxConcurrent` lowers
 * that cap with slots of their own, freed at the call's end.
 */

export const RATE_PERIODS = ['second', 'minute', 'hour'] as const;
export type RatePeriod = (typeof RATE_PERIODS)[number];

export const PERIOD_MS: Record<RatePeriod, number> = { second: 1000, minute: 60_000, hour: 3_600_000 };

/** At most this many requests per window (one row each). */
export const MAX_RATE_REQUESTS = 10_000;
/** At most this many concurrent calls can be configured. */
export const MAX_CONCURRENT = 100;
/** A deferred step comes back no sooner than this. */
export const MIN_DEFER_MS = 20;
/** A step waiting for a concurrency slot looks again at least this often. */
export const MAX_CONCURRENCY_POLL_MS = 1000;

export interface RateLimit {
  requests: number;
  per: RatePeriod;
  /** Calls in flight at once; null: only the rate counts. */
  maxConcurrent: number | null;
}

export type SlotKind = 'rate' | 'concurrency';

/**
 * Slots a limit needs: `requests` rate slots, and `maxConcurrent` concurrency slots when it is
 * below `requests` (otherwise the held rate slots already cap calls in flight).
 *
 * @example
 * slotCounts({ requests: 10, per: 'second', maxConcurrent: 2 }) // { rate: 10, concurrency: 2 }
 */
export function slotCounts(limit: RateLimit | null): Record<SlotKind, number> {
  if (!limit) return { rate: 0, concurrency: 0 };
  const concurrency = limit.maxConcurrent !== null && limit.maxConcurrent < limit.requests ? limit.maxConcurrent : 0;
  return { rate: limit.requests, concurrency };
}

/**
 * Spacing of deferred steps: the window divided by the requests it allows (`per / requests`),
 * the average gap between calls when the limit is saturated.
 *
 * @example
 * spacingMs({ requests: 4, per: 'second', maxConcurrent: null }) // 250
 */
export function spacingMs(limit: RateLimit): number {
  return PERIOD_MS[limit.per] / limit.requests;
}

export interface DeferInput {
  now: number;
  kind: SlotKind;
  limit: RateLimit;
  /** Earliest `free_at` among slots of the kind nobody holds (ms), null when every slot is held. */
  earliestFree: number | null;
  /** Whether some slot of the kind is held by a call in flight. */
  held: boolean;
  /** When the previously deferred step was told to come back (ms), null when none was. */
  queueTail: number | null;
}

/**
 * When a step that found no free slot tries again, and the new queue tail (the same time).
 *
 * - rate slots: the earliest a slot can free — the earliest `free_at` of a slot nobody holds,
 *   or `now + per` for a held one (it frees at the call's end + per, at the earliest);
 * - concurrency slots: their calls end at an unknown time, so `now + min(spacing, 1 s)`;
 * - then `retryAt = max(estimate, queueTail + spacing, now + 20 ms)`, so steps deferred
 *   together come back one spacing apart instead of all at once.
 *
 * @example
 * // 2 per second, both slots held by calls in flight, nobody queued yet:
 * deferUntil({ now: 0, kind: 'rate', limit: { requests: 2, per: 'second', maxConcurrent: null },
 *              earliestFree: null, held: true, queueTail: null }) // 1000
 */
export function deferUntil(input: DeferInput): number {
  const { now, limit } = input;
  const spacing = spacingMs(limit);
  let estimate: number;
  if (input.kind === 'concurrency') estimate = now + Math.min(spacing, MAX_CONCURRENCY_POLL_MS);
  else {
    const candidates = [input.earliestFree ?? Number.POSITIVE_INFINITY, input.held ? now + PERIOD_MS[limit.per] : Number.POSITIVE_INFINITY];
    estimate = Math.min(...candidates);
    if (!Number.isFinite(estimate)) estimate = now + spacing;
  }
  const queued = input.queueTail === null ? Number.NEGATIVE_INFINITY : input.queueTail + spacing;
  return Math.ceil(Math.max(estimate, queued, now + MIN_DEFER_MS));
}

/** "10 per second, at most 2 at once" — for audit entries and messages. */
export function describeRateLimit(limit: RateLimit): string {
  const base = `${limit.requests} per ${limit.per}`;
  return limit.maxConcurrent !== null ? `${base}, at most ${limit.maxConcurrent} at once` : base;
}
