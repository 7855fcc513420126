import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { IdeasService } from '../ideas/ideas.service.ts';
import type { AssessmentsRepository } from './assessments.repository.ts';

export interface AssessmentsDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  repo: AssessmentsRepository;
  /** Reads an idea (checks `ideas.read`, 404 for an unknown one). */
  ideas: Pick<IdeasService, 'get'>;
  /** The category's calibration factor (measured ÷ estimated value), null when it has none yet. */
  calibrationOf?: (categoryId: string) => Promise<number | null>;
}
