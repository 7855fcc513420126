import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/password.ts';
import { hashSecret } from '../../platform/auth/secret-hash.ts';
import { dialectOf } from '../../platform/db/dialect-of.ts';
import { AppError } from '../../platform/errors.ts';
import type { Authentication } from '../../platform/http/types.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { globalPermissions, heldPermissions } from '../../platform/permissions/authorize.ts';
import { createRateLimiter } from '../../platform/rate-limiter.ts';
import type { AuthDeps } from './auth.deps.ts';
import type { UserView } from './auth.schemas.ts';
import type { CachedAuth } from './auth-cache.ts';
import { afterFailedLogin, lockRemainingSeconds, SESSION_POLICY, sessionIsLive } from './login-lockout.domain.ts';
import { createRolesRepository } from './roles.repository.ts';
import { createRolesService, toGrant } from './roles.service.ts';
import { createCredentialsRepository } from './sessions.repository.ts';
import { TOKEN_PATTERN } from './tokens.service.ts';
import { createUsersRepository } from './users.repository.ts';
import { createUsersService } from './users.service.ts';

export const SESSION_COOKIE = 'symbiont_session';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserView;
}

const NO_META: ClientMeta = { ip: null, userAgent: null, requestId: null };

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', { status: 401, userMessage: 'Wrong e-mail address or password.' });

/** Sign-in, sign-out, first-run setup, and resolving a request's credentials to an actor. */
export function createSessionsService(deps: AuthDeps & { loginAttemptsPerMinute?: number }) {
  const users = createUsersRepository(deps.db);
  const rolesRepo = createRolesRepository(deps.db);
  const roles = createRolesService(deps);
  const usersService = createUsersService(deps);
  const credentials = createCredentialsRepository(deps.db);
  const ipLimiter = createRateLimiter({ max: deps.loginAttemptsPerMinute ?? 10, windowMs: 60_000, clock: deps.clock });

  async function actorFor(userId: string, label: string, meta: ClientMeta, type: Actor['type'] = 'user'): Promise<Actor> {
    return {
      type,
      userId,
      label,
      grants: (await rolesRepo.forUsers([userId])).map(toGrant),
      tokenScopes: null,
      requestId: meta.requestId,
      ip: meta.ip,
    };
  }

  async function openSession(userId: string, meta: ClientMeta, trx = deps.db): Promise<Omit<NewSession, 'user'>> {
    const now = deps.clock.now();
    const cookieValue = randomToken(32);
    const csrfToken = randomToken(24);
    const expiresAt = new Date(now.getTime() + SESSION_POLICY.absoluteMs);
    await credentials.insertSession(
      {
        id: hashSecret(cookieValue),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      },
      trx,
    );
    return { cookieValue, csrfToken, expiresAt };
  }

  /** A token's owner and grants from the database; throws for revoked, expired or orphaned tokens. */
  async function resolveToken(hash: string, now: Date): Promise<CachedAuth> {
    const row = await credentials.findTokenByHash(hash);
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString())) {
      throw new AppError('TOKEN_INVALID', { status: 401, userMessage: 'The API token is unknown, revoked or expired.' });
    }
    if (row.user_active !== 1) {
      throw new AppError('TOKEN_INVALID', { status: 401, userMessage: "The API token's owner is deactivated." });
    }
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > SESSION_POLICY.touchEveryMs) {
      await credentials.touchToken(row.id, now.toISOString());
    }
    const actor = await actorFor(row.user_id, `${row.user_name} (token sym_${row.prefix})`, NO_META, 'token');
    return {
      auth: { actor: { ...actor, tokenScopes: JSON.parse(row.scopes) }, via: 'token', csrfToken: null, sessionId: null },
      expiresAt: row.expires_at,
      lastSeenAt: null,
    };
  }

  /** A live session's user and grants from the database, or null. */
  async function resolveSession(sessionId: string, now: Date): Promise<CachedAuth | null> {
    const session = await credentials.findSession(sessionId);
    if (!session || !sessionIsLive(session, now) || session.user_active !== 1) return null;
    let lastSeenAt = session.last_seen_at;
    if (now.getTime() - new Date(lastSeenAt).getTime() > SESSION_POLICY.touchEveryMs) {
      lastSeenAt = now.toISOString();
      await credentials.touchSession(sessionId, lastSeenAt);
    }
    return {
      auth: {
        actor: await actorFor(session.user_id, session.user_name, NO_META),
        via: 'session',
        csrfToken: session.csrf_token,
        sessionId,
      },
      expiresAt: session.expires_at,
      lastSeenAt,
    };
  }

  return {
    async needsSetup(): Promise<boolean> {
      const admin = await deps.db
        .selectFrom('role_assignments')
        .select('id')
        .where('role', '=', 'admin')
        .where('scope_type', '=', 'global')
        .executeTakeFirst();
      return admin === undefined;
    },

    /** Creates the first admin and signs them in; refused once any admin exists. */
    async setup(input: { email: string; name: string; password: string }, meta: ClientMeta): Promise<NewSession> {
      return deps.db.transaction().execute(async (trx) => {
        if (dialectOf(trx) === 'postgres') {
          await sql`select pg_advisory_xact_lock(7355608)`.execute(trx);
        }
        const existing = await trx
          .selectFrom('role_assignments')
          .select('id')
          .where('role', '=', 'admin')
          .where('scope_type', '=', 'global')
          .executeTakeFirst();
        if (existing) {
          throw new AppError('SETUP_ALREADY_DONE', { status: 409, userMessage: 'Symbiont is already set up. Sign in instead.' });
        }
        const id = newId();
        const actor: Actor = {
          type: 'user',
          userId: id,
          label: input.name,
          grants: [],
          tokenScopes: null,
          requestId: meta.requestId,
          ip: meta.ip,
        };
        const user = await usersService.insertUser(actor, trx, {
          ...input,
          teamIds: [],
          roles: [{ role: 'admin', scopeType: 'global', scopeId: null }],
        });
        const session = await openSession(user.id, meta, trx);
        return { ...session, user };
      });
    },

    /** Checks e-mail and password with per-address rate limiting and per-account lock-out. */
    async login(email: string, password: string, meta: ClientMeta): Promise<NewSession> {
      const wait = ipLimiter.hit(meta.ip ?? 'unknown');
      if (wait > 0) {
        throw new AppError('RATE_LIMITED', {
          status: 429,
          userMessage: `Too many sign-in attempts. Try again in ${wait} seconds.`,
          details: { retryAfterSeconds: wait },
        });
      }
      const now = deps.clock.now();
      const user = await users.findByEmail(email.trim().toLowerCase());
      if (!user?.password_hash) {
        await verifyPassword(password, await dummyPasswordHash());
        throw invalidCredentials();
      }
      const locked = lockRemainingSeconds(user.locked_until, now);
      if (locked > 0) {
        throw new AppError('ACCOUNT_LOCKED', {
          status: 423,
          userMessage: `Too many wrong passwords: this account is locked for ${Math.ceil(locked / 60)} more minute(s), or until an administrator resets the password.`,
          details: { retryAfterSeconds: locked },
        });
      }
      if (!(await verifyPassword(password, user.password_hash))) {
        const next = afterFailedLogin(user.failed_logins, now);
        await deps.db.transaction().execute(async (trx) => {
          await users.update(user.id, { failed_logins: next.failedLogins, locked_until: next.lockedUntil }, trx);
          if (next.lockedUntil) {
            const system: Actor = {
              type: 'system',
              userId: null,
              label: 'login guard',
              grants: [],
              tokenScopes: null,
              requestId: meta.requestId,
              ip: meta.ip,
            };
            await deps.audit.record(trx, system, {
              action: 'user.lock',
              objectType: 'user',
              objectId: user.id,
              after: { lockedUntil: next.lockedUntil, reason: 'too many wrong passwords' },
            });
          }
        });
        if (next.lockedUntil) {
          throw new AppError('ACCOUNT_LOCKED', {
            status: 423,
            userMessage: 'Too many wrong passwords: this account is locked for 15 minutes.',
            details: { retryAfterSeconds: lockRemainingSeconds(next.lockedUntil, now) },
          });
        }
        throw invalidCredentials();
      }
      if (user.is_active !== 1) {
        throw new AppError('ACCOUNT_DISABLED', { status: 403, userMessage: 'This account is deactivated. Ask an administrator.' });
      }
      const session = await deps.db.transaction().execute(async (trx) => {
        await users.update(user.id, { failed_logins: 0, locked_until: null, last_login_at: now.toISOString() }, trx);
        return openSession(user.id, meta, trx);
      });
      return { ...session, user: await usersService.view(user.id) };
    },

    /** Deletes sessions past their absolute expiry or idle for longer than allowed. */
    async purgeExpired(): Promise<void> {
      const now = deps.clock.now();
      await credentials.deleteExpiredSessions(now.toISOString(), new Date(now.getTime() - SESSION_POLICY.idleMs).toISOString());
    },

    async logout(sessionId: string): Promise<void> {
      await credentials.deleteSession(sessionId);
      deps.authCache.clear();
    },

    /** Resolves a bearer token or session cookie to an actor; null when there is none. */
    async authenticate(request: FastifyRequest): Promise<Authentication | null> {
      const now = deps.clock.now();
      const header = request.headers.authorization;
      let key: string;
      if (header) {
        const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        if (!token || !TOKEN_PATTERN.test(token)) {
          throw new AppError('TOKEN_INVALID', { status: 401, userMessage: 'The API token is malformed.' });
        }
        key = `t:${hashSecret(token)}`;
      } else {
        const cookie = request.cookies?.[SESSION_COOKIE];
        if (!cookie) return null;
        key = `s:${hashSecret(cookie)}`;
      }
      let cached = deps.authCache.get(key);
      if (!cached) {
        const resolved = key.startsWith('t:') ? await resolveToken(key.slice(2), now) : await resolveSession(key.slice(2), now);
        if (!resolved) return null;
        deps.authCache.set(key, resolved);
        cached = resolved;
      }
      // Time limits are checked on every request, cached or not.
      if (cached.expiresAt && cached.expiresAt <= now.toISOString()) {
        if (cached.auth.via === 'token') throw new AppError('TOKEN_INVALID', { status: 401, userMessage: 'The API token has expired.' });
        return null;
      }
      if (cached.lastSeenAt && !sessionIsLive({ expires_at: cached.expiresAt ?? '9999', last_seen_at: cached.lastSeenAt }, now))
        return null;
      return { ...cached.auth, actor: { ...cached.auth.actor, requestId: request.id, ip: request.ip } };
    },

    /** What the web UI needs about the caller. */
    /** Who is signed in, with the modules they may open (a module naming a permission shows only to holders, in any scope). */
    async describe(auth: Authentication, modules: { key: string; title: string; path: string; permission?: string }[]) {
      const userId = auth.actor.userId;
      if (!userId) throw new AppError('UNAUTHENTICATED', { status: 401, userMessage: 'Sign in first.' });
      return {
        user: await usersService.view(userId),
        roles: await roles.list({ ...auth.actor, tokenScopes: null }, userId),
        permissions: globalPermissions(auth.actor),
        csrfToken: auth.csrfToken,
        modules: modules
          .filter((m) => !m.permission || (heldPermissions(auth.actor) as string[]).includes(m.permission))
          .map(({ key, title, path }) => ({ key, title, path })),
      };
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
