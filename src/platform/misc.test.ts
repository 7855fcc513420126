import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from './clock.ts';
import { newId } from './ids.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { afterFailedLogin, lockRemainingSeconds, sessionIsLive } from '../modules/auth/login-lockout.domain.ts';

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
    assert.deepEqual([1, 2, 3].map(() => limiter.hit('ip')), [0, 0, 0]);
    assert.equal(limiter.hit('ip'), 60);
    assert.equal(limiter.hit('other'), 0);
    clock.advance(45_000);
    assert.equal(limiter.hit('ip'), 15);
    clock.advance(15_000);
    assert.equal(limiter.hit('ip'), 0);
  });
});

describe('login lock-out policy', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('locks on the fifth consecutive failure for 15 minutes', () => {
    let state = { failedLogins: 0, lockedUntil: null as string | null };
    for (let i = 0; i < 4; i++) state = afterFailedLogin(state.failedLogins, now);
    assert.deepEqual(state, { failedLogins: 4, lockedUntil: null });
    state = afterFailedLogin(state.failedLogins, now);
    assert.equal(state.lockedUntil, '2026-01-01T00:15:00.000Z');
    assert.equal(lockRemainingSeconds(state.lockedUntil, now), 900);
    assert.equal(lockRemainingSeconds(state.lockedUntil, new Date('2026-01-01T00:15:00Z')), 0);
  });

  it('ends sessions at the absolute expiry or after 24 hours idle', () => {
    const session = { expires_at: '2026-01-10T00:00:00.000Z', last_seen_at: '2026-01-01T00:00:00.000Z' };
    assert.equal(sessionIsLive(session, new Date('2026-01-01T23:59:00Z')), true);
    assert.equal(sessionIsLive(session, new Date('2026-01-02T00:00:01Z')), false);
    assert.equal(sessionIsLive({ ...session, last_seen_at: '2026-01-09T23:00:00.000Z' }, new Date('2026-01-10T00:00:01Z')), false);
  });
});
