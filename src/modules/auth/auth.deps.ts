import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AuthCache } from './auth-cache.ts';

/** What every service of the auth module is built from (see src/app.ts). */
export interface AuthDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  /** Cleared by every change that affects who may do what. */
  authCache: AuthCache;
}
