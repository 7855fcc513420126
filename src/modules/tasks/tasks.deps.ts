import type { SignalInput, SignalOutcome } from '../../engine/store/signal-store.ts';
import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Dialect } from '../../platform/db/database.ts';
import type { DirectoryService } from '../auth/directory.service.ts';
import type { NotificationsService } from './notifications.service.ts';

/** What the tasks module needs of the engine: deliver a decision to the waiting step. */
export interface TaskEngine {
  signalWithin(trx: Db, input: SignalInput): Promise<SignalOutcome>;
  /** Look for due work now (after a commit that made a run due). */
  poke(): void;
}

export interface TaskLog {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

/** What the tasks services are built from (see src/app.ts). */
export interface TasksDeps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  audit: AuditLog;
  directory: DirectoryService;
  notifications: NotificationsService;
  /** Late-bound: the engine is built after the step types that open tasks. */
  engine: () => TaskEngine;
  /** Base URL for links in e-mails (SYMBIONT_PUBLIC_URL). */
  publicUrl?: string | undefined;
  /** Days a one-click e-mail link works (at most until its task expires); default 7. */
  linkDays?: number | undefined;
  log: TaskLog;
}
