import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from './clock.ts';
import { newId } from './ids.ts';
import { createRateLimiter } from './rate-limiter.ts';

describe('newId', () => {
  it('makes UUIDv7 ids that sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newId(1_764_000_000_000));
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  });
});

describe('createRateLimiter', () => {
  it('allows max hits per window, then says how long to wait, then resets', () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000, clock });
    assert.deepEqual(
      [1, 2, 3].map(() => limiter.hit('ip')),
      [0, 0, 0],
    );
    assert.equal(limiter.hit('ip'), 60);
    assert.equal(limiter.hit('other'), 0);
    clock.advance(45_000);
    assert.equal(limiter.hit('ip'), 15);
    clock.advance(15_000);
    assert.equal(limiter.hit('ip'), 0);
  });
});
