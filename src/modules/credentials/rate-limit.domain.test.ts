import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deferUntil, describeRateLimit, type RateLimit, slotCounts, spacingMs } from './rate-limit.domain.ts';

const perSecond = (requests: number, maxConcurrent: number | null = null): RateLimit => ({ requests, per: 'second', maxConcurrent });

describe('slotCounts', () => {
  it('gives one rate slot per request and concurrency slots only below the request count', () => {
    assert.deepEqual(slotCounts(perSecond(10, 2)), { rate: 10, concurrency: 2 });
    assert.deepEqual(slotCounts(perSecond(3, 5)), { rate: 3, concurrency: 0 });
    assert.deepEqual(slotCounts(perSecond(3, 3)), { rate: 3, concurrency: 0 });
    assert.deepEqual(slotCounts({ requests: 100, per: 'hour', maxConcurrent: null }), { rate: 100, concurrency: 0 });
    assert.deepEqual(slotCounts(null), { rate: 0, concurrency: 0 });
  });
});

describe('spacingMs', () => {
  it('divides the window by the requests it allows', () => {
    assert.equal(spacingMs(perSecond(4)), 250);
    assert.equal(spacingMs({ requests: 30, per: 'minute', maxConcurrent: null }), 2000);
    assert.equal(spacingMs({ requests: 1, per: 'hour', maxConcurrent: null }), 3_600_000);
  });
});

describe('deferUntil', () => {
  const now = 10_000;

  it('comes back when the earliest free slot frees, if nobody is queued', () => {
    assert.equal(deferUntil({ now, kind: 'rate', limit: perSecond(2), earliestFree: 10_400, held: false, queueTail: null }), 10_400);
  });

  it('counts a held slot as free one window after now at the earliest', () => {
    // Both slots in flight: the first can be taken again at its end + 1 s ≥ now + 1 s.
    assert.equal(deferUntil({ now, kind: 'rate', limit: perSecond(2), earliestFree: null, held: true, queueTail: null }), 11_000);
    // One in flight, the other free at 10 700: the sooner wins.
    assert.equal(deferUntil({ now, kind: 'rate', limit: perSecond(2), earliestFree: 10_700, held: true, queueTail: null }), 10_700);
  });

  it('spaces steps deferred together one spacing apart behind the queue tail', () => {
    // 4 per second: spacing 250 ms. The previous step was sent back to 10 400.
    assert.equal(deferUntil({ now, kind: 'rate', limit: perSecond(4), earliestFree: 10_100, held: false, queueTail: 10_400 }), 10_650);
    // A tail long past does not matter.
    assert.equal(deferUntil({ now, kind: 'rate', limit: perSecond(4), earliestFree: 10_100, held: false, queueTail: 2_000 }), 10_100);
  });

  it('never comes back sooner than 20 ms', () => {
    assert.equal(deferUntil({ now, kind: 'rate', limit: perSecond(2), earliestFree: 9_000, held: false, queueTail: null }), 10_020);
  });

  it('polls for a concurrency slot at the spacing, at most a second apart', () => {
    assert.equal(deferUntil({ now, kind: 'concurrency', limit: perSecond(5, 1), earliestFree: null, held: true, queueTail: null }), 10_200);
    const hourly = { requests: 10, per: 'hour' as const, maxConcurrent: 1 };
    assert.equal(deferUntil({ now, kind: 'concurrency', limit: hourly, earliestFree: null, held: true, queueTail: null }), 11_000);
  });
});

describe('describeRateLimit', () => {
  it('says the rate and the concurrency', () => {
    assert.equal(describeRateLimit(perSecond(10, 2)), '10 per second, at most 2 at once');
    assert.equal(describeRateLimit({ requests: 500, per: 'hour', maxConcurrent: null }), '500 per hour');
  });
});
