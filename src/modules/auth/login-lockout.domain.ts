/** Login lock-out policy: 5 wrong passwords in a row lock the account for 15 minutes. */
export const LOCKOUT_POLICY = { maxFailures: 5, lockMs: 15 * 60_000 } as const;

/** Seconds until a lock ends, or 0 when the account is not locked at `now`. */
export function lockRemainingSeconds(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  const ms = new Date(lockedUntil).getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/**
 * The account state after one more wrong password: the counter goes up; on reaching the
 * maximum the account locks until now + lockMs and the counter restarts.
 */
export function afterFailedLogin(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: string | null } {
  const count = failedLogins + 1;
  if (count >= LOCKOUT_POLICY.maxFailures) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_POLICY.lockMs).toISOString() };
  }
  return { failedLogins: count, lockedUntil: null };
}

/** Session lifetime: 14 days at most, 24 hours without use. */
export const SESSION_POLICY = { absoluteMs: 14 * 86_400_000, idleMs: 86_400_000, touchEveryMs: 60_000 } as const;

export function sessionIsLive(session: { expires_at: string; last_seen_at: string }, now: Date): boolean {
  const t = now.getTime();
  return new Date(session.expires_at).getTime() > t && new Date(session.last_seen_at).getTime() + SESSION_POLICY.idleMs > t;
}
