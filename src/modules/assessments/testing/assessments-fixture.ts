import type { DatabaseHandle } from '../../../platform/db/database.ts';
import { cliActor } from '../../../platform/permissions/actor.ts';
import type { Session } from '../../../testing/test-app.ts';
import { categoryIds } from '../../ideas/testing/ideas-fixture.ts';
import { createPeople, type People } from '../../tasks/testing/tasks-fixture.ts';

/** A clerk's invoice process: 40 a day, 6 minutes each, 50 an hour; 20–80 hours to build at 60. */
export const validInput = {
  volumetry: { frequency: 'daily', volume: 40, minutesPerCase: 6, hourlyCost: 50, applications: ['Outlook', 'Accounting'] },
  potential: { ruleBasedShare: 0.9 },
  cost: { buildHours: { low: 20, likely: 40, high: 80 }, builderHourlyCost: 60 },
};

/** Answers to the built-in questionnaire (version 1). */
export const validAnswers = {
  systems: ['email', 'accounting'],
  inputFormat: 'structured',
  exceptions: 'rare',
  dataSensitivity: 'internal',
};

/**
 * The task fixture's people, plus Carol approving everywhere and Adam the administrator (the
 * only one with `ideas.manage`); `cats` are the seeded categories by name.
 */
export async function createAssessmentPeople(handle: DatabaseHandle) {
  const p = await createPeople(handle);
  await p.app.services.roles.assign(cliActor('test'), { userId: p.ids.carol, role: 'approver', scopeType: 'global' });
  await p.app.createUser('adam@bakery.example', ['admin']);
  const adam = await p.app.login('adam@bakery.example');
  const carol = await p.app.login('carol@bakery.example');
  return { p, adam, carol, cats: await categoryIds(p) };
}

export async function assess(who: Session, ideaId: string, body: Record<string, unknown> = {}) {
  return who.request({
    method: 'PUT',
    url: `/api/v1/assessments/ideas/${ideaId}`,
    payload: { questionnaireVersion: 1, answers: validAnswers, input: validInput, ...body },
  });
}

/** Row counts of the assessment tables and the audit log: a refused request must leave them as they were. */
export async function assessmentState(p: People) {
  const count = async (table: 'idea_assessments' | 'assessment_questionnaires' | 'audit_events') =>
    Number(
      (
        await p.app.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const revisions = await p.app.handle.db.selectFrom('idea_assessments').select(['idea_id', 'revision']).orderBy('idea_id').execute();
  return {
    assessments: await count('idea_assessments'),
    questionnaires: await count('assessment_questionnaires'),
    audit: await count('audit_events'),
    revisions,
  };
}
