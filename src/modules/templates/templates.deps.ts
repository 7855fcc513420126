import type { StepRegistry } from '../../engine/steps/step-type.ts';
import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { WorkflowsService } from '../workflows/workflows.service.ts';
import type { TemplatesRepository } from './templates.repository.ts';

export interface TemplatesDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  repo: TemplatesRepository;
  /** Templates copy published workflows and create drafts through the workflows service (its checks and audit apply). */
  workflows: WorkflowsService;
  /** Which credential type each step type needs. */
  registry: StepRegistry;
}
