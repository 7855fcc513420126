import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { UserNotificationsService } from '../notifications/user-notifications.service.ts';
import type { IdeaSimilarity } from './idea-similarity.ts';
import type { IdeasRepository } from './ideas.repository.ts';

export interface IdeasDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  notifications: UserNotificationsService;
  repo: IdeasRepository;
  similarity: IdeaSimilarity;
}
