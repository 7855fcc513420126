import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type App, createApp } from '../app.ts';
import { fixedClock } from '../platform/clock.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { createLogger } from '../platform/logger.ts';
import { cliActor } from '../platform/permissions/actor.ts';
import type { RoleKey } from '../platform/permissions/catalog.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

/** A signed-in browser: sends the session cookie and, on writes, the CSRF token. */
export interface Session {
  userId: string;
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestApp extends App {
  clock: ReturnType<typeof fixedClock>;
  /** Creates a user with the given global roles (plus member) through the service. */
  createUser(email: string, roles?: RoleKey[], teamIds?: string[]): Promise<string>;
  login(email: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

/** The full HTTP app over a test database, with a clock that only moves when told to. */
export async function createTestApp(
  handle: DatabaseHandle,
  options: { now?: string; trustProxy?: boolean; engine?: boolean; publicUrl?: string; httpAllow?: string[] } = {},
): Promise<TestApp> {
  const clock = fixedClock(options.now ?? '2026-11-22T09:00:00.000Z');
  const app = await createApp(handle, {
    config: {
      bodyLimit: 64 * 1024,
      trustProxy: options.trustProxy ?? false,
      publicUrl: options.publicUrl,
      ...(options.httpAllow ? { httpAllow: options.httpAllow } : {}),
    },
    logger: createLogger('silent'),
    clock,
    webDir: null,
    ...(options.engine === false ? { engine: false } : {}),
  });
  await app.server.ready();

  let ip = 0;
  async function login(email: string, password = TEST_PASSWORD): Promise<Session> {
    // Each login from its own address, so the per-address sign-in limit never interferes.
    ip += 1;
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: `10.0.${Math.floor(ip / 250)}.${ip % 250}`,
    });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'symbiont_session');
    if (!cookie) throw new Error('no session cookie');
    const body = res.json() as { user: { id: string }; csrfToken: string };
    return {
      userId: body.user.id,
      cookie: cookie.value,
      csrfToken: body.csrfToken,
      request(opts: InjectOptions) {
        const method = (opts.method ?? 'GET').toUpperCase();
        const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
        if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && !('x-csrf-token' in headers)) headers['x-csrf-token'] = body.csrfToken;
        return app.server.inject({ ...opts, headers, cookies: { symbiont_session: cookie.value, ...(opts.cookies ?? {}) } });
      },
    };
  }

  return {
    ...app,
    clock,
    login,
    async createUser(email, roles = [], teamIds = []) {
      const user = await app.services.users.create(cliActor('test'), {
        email,
        name: email.split('@')[0] ?? email,
        password: TEST_PASSWORD,
        teamIds,
        roles: roles.map((role) => ({ role, scopeType: 'global' as const })),
      });
      return user.id;
    },
    async close() {
      await app.server.close();
    },
  };
}

/** Row counts of the given tables, to prove a refused request changed nothing. */
export async function tableCounts(handle: DatabaseHandle, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await handle.db
      .selectFrom(table as 'users')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}
