import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createAuthCache } from './modules/auth/auth-cache.ts';
import { rolesRoutes } from './modules/auth/roles.routes.ts';
import { createRolesService } from './modules/auth/roles.service.ts';
import { sessionRoutes } from './modules/auth/session.routes.ts';
import { createSessionsService } from './modules/auth/sessions.service.ts';
import { teamsRoutes } from './modules/auth/teams.routes.ts';
import { createTeamsService } from './modules/auth/teams.service.ts';
import { tokensRoutes } from './modules/auth/tokens.routes.ts';
import { createTokensService } from './modules/auth/tokens.service.ts';
import { usersRoutes } from './modules/auth/users.routes.ts';
import { createUsersService } from './modules/auth/users.service.ts';
import { auditLogRoutes } from './platform/audit-log/audit-log.routes.ts';
import { createAuditLog } from './platform/audit-log/audit-log.service.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config/config.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { buildHttpServer } from './platform/http/server.ts';
import type { Logger } from './platform/logger.ts';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VERSION: string = JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')).version;

/** The modules this server has, in navigation order (the web UI lists them). */
export const MODULES = [
  { key: 'people', title: 'People', path: '/users' },
  { key: 'access', title: 'Access', path: '/roles' },
  { key: 'audit-log', title: 'Audit log', path: '/audit' },
];

/** Builds every service from its dependencies: the one composition root. */
export function createServices(handle: DatabaseHandle, clock: Clock = systemClock) {
  const db = handle.db;
  const audit = createAuditLog({ db, clock });
  const deps = { db, clock, audit, authCache: createAuthCache({ clock }) };
  return {
    audit,
    users: createUsersService(deps),
    teams: createTeamsService(deps),
    roles: createRolesService(deps),
    tokens: createTokensService(deps),
    sessions: createSessionsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;

export interface AppOptions {
  config: Pick<Config, 'bodyLimit' | 'trustProxy' | 'publicUrl'>;
  logger: Logger;
  clock?: Clock;
  /** Folder with the built web UI; defaults to dist/web. */
  webDir?: string | null;
}

export interface App {
  server: FastifyInstance;
  services: Services;
  handle: DatabaseHandle;
}

/** The HTTP app over an open, migrated database. */
export async function createApp(handle: DatabaseHandle, options: AppOptions): Promise<App> {
  const services = createServices(handle, options.clock);
  const publicHttps = options.config.publicUrl?.startsWith('https://') ?? false;
  const isSecure = (request: FastifyRequest) => publicHttps || request.protocol === 'https';
  const server = await buildHttpServer({
    logger: options.logger,
    bodyLimit: options.config.bodyLimit,
    trustProxy: options.config.trustProxy,
    authenticate: (request) => services.sessions.authenticate(request),
    webDir: options.webDir === undefined ? path.join(ROOT_DIR, 'dist', 'web') : options.webDir,
    version: VERSION,
    routes: async (api) => {
      await healthRoutes(api, { db: handle.db, dialect: handle.dialect });
      await sessionRoutes(api, { sessions: services.sessions, users: services.users, modules: MODULES, isSecure });
      await usersRoutes(api, { users: services.users });
      await teamsRoutes(api, { teams: services.teams });
      await rolesRoutes(api, { roles: services.roles });
      await tokensRoutes(api, { tokens: services.tokens });
      await auditLogRoutes(api, { audit: services.audit });
    },
  });
  return { server, services, handle };
}

/** Opens the configured database and brings it to the latest migration. */
export async function openMigratedDatabase(config: Pick<Config, 'database'>): Promise<DatabaseHandle> {
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
