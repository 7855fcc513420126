import type { Clock } from '../../platform/clock.ts';
import type { Authentication } from '../../platform/http/types.ts';

/** What a credential resolved to, minus the per-request parts (request id, address). */
export interface CachedAuth {
  auth: Authentication;
  /** Absolute end of the credential (token expiry, session expiry), or null. */
  expiresAt: string | null;
  /** Sessions: when the session was last seen, for the idle limit. */
  lastSeenAt: string | null;
}

/**
 * Resolved credentials for a few seconds, so a busy client does not cost two queries per
 * request. In this process every change that affects authentication or permissions (roles,
 * deactivation, password reset, logout, token revocation, team deletion) clears it at once;
 * other processes sharing a PostgreSQL database see such a change within `ttlMs`.
 */
export function createAuthCache(options: { clock: Clock; ttlMs?: number; max?: number }) {
  const ttlMs = options.ttlMs ?? 5000;
  const max = options.max ?? 10_000;
  const entries = new Map<string, { value: CachedAuth; storedAt: number }>();
  return {
    get(key: string): CachedAuth | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (options.clock.now().getTime() - entry.storedAt > ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key: string, value: CachedAuth): void {
      if (entries.size >= max) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, storedAt: options.clock.now().getTime() });
    },
    clear(): void {
      entries.clear();
    },
  };
}

export type AuthCache = ReturnType<typeof createAuthCache>;
