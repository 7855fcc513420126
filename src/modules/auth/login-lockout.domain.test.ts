import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterFailedLogin, lockRemainingSeconds, sessionIsLive } from './login-lockout.domain.ts';

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
