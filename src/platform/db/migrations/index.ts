import type { Migration } from 'kysely';
import * as platformFoundation from './20261122T120000-platform-foundation.ts';
import * as engine from './20261123T090000-engine.ts';
import * as credentials from './20261123T100000-credentials.ts';
import * as credentialLimits from './20261124T090000-credential-limits.ts';
import * as runSignals from './20261124T090000-run-signals.ts';
import * as tasks from './20261124T100000-tasks.ts';
import * as eventLogs from './20261125T120000-event-logs.ts';
import * as taskLinks from './20261125T130000-task-links.ts';
import * as forms from './20261125T140000-forms.ts';
import * as ideas from './20261125T150000-ideas.ts';
import * as assessments from './20261126T090000-assessments.ts';
import * as templates from './20261126T110000-templates.ts';
import * as value from './20261126T120000-value.ts';
import * as ideaReviews from './20261126T130000-idea-reviews.ts';
import * as decisionMinutes from './20261126T140000-decision-minutes.ts';

/**
 * The one migration stream, for both dialects. Listed statically (not read from disk) so it
 * works the same under tsx, in tests and in a packaged install. Append; never reorder or edit.
 */
export const migrations: Record<string, Migration> = {
  '20261122T120000-platform-foundation': platformFoundation,
  '20261123T090000-engine': engine,
  '20261123T100000-credentials': credentials,
  '20261124T090000-credential-limits': credentialLimits,
  '20261124T090000-run-signals': runSignals,
  '20261124T100000-tasks': tasks,
  '20261125T120000-event-logs': eventLogs,
  '20261125T130000-task-links': taskLinks,
  '20261125T140000-forms': forms,
  '20261125T150000-ideas': ideas,
  '20261126T090000-assessments': assessments,
  '20261126T110000-templates': templates,
  '20261126T120000-value': value,
  '20261126T130000-idea-reviews': ideaReviews,
  '20261126T140000-decision-minutes': decisionMinutes,
};
