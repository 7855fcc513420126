import assert from 'node:assert/strict';
import type { Session } from '../../../testing/test-app.ts';
import type { People } from '../../tasks/testing/tasks-fixture.ts';

export const goodScreen = { rules: 5, digital: 4, structured: 3, change: 2, documentation: 1 };

/** The seeded categories by name. */
export async function categoryIds(p: People): Promise<Record<string, string>> {
  const res = await p.as.bob.request({ method: 'GET', url: '/api/v1/idea-categories' });
  assert.equal(res.statusCode, 200, res.body);
  return Object.fromEntries((res.json() as { id: string; name: string }[]).map((c) => [c.name, c.id]));
}

/** Submits an idea as `who` and returns the answer's JSON. */
export async function submitIdea(who: Session, categoryId: string, overrides: Record<string, unknown> = {}) {
  const res = await who.request({
    method: 'POST',
    url: '/api/v1/ideas',
    payload: {
      name: 'Copy supplier invoices into accounting',
      description: 'Every morning we retype supplier invoices from e-mail attachments into the accounting system.',
      categoryId,
      painPoints: 'Typos, late payments',
      applications: ['Outlook', 'Accounting'],
      frequencyPeriod: 'day',
      frequencyCount: 20,
      minutesPerCase: 6,
      screen: goodScreen,
      ...overrides,
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** Row counts of the idea tables and the audit log: a refused request must leave them as they were. */
export async function ideaState(p: People) {
  const count = async (
    table: 'ideas' | 'idea_transitions' | 'idea_votes' | 'idea_comments' | 'idea_supporters' | 'user_notifications' | 'audit_events',
  ) =>
    Number(
      (
        await p.app.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stages = await p.app.handle.db.selectFrom('ideas').select(['id', 'phase', 'status', 'builder_id']).orderBy('id').execute();
  return {
    ideas: await count('ideas'),
    transitions: await count('idea_transitions'),
    votes: await count('idea_votes'),
    comments: await count('idea_comments'),
    supporters: await count('idea_supporters'),
    notifications: await count('user_notifications'),
    audit: await count('audit_events'),
    stages,
  };
}
