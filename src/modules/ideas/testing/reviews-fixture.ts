import assert from 'node:assert/strict';
import type { Services } from '../../../app.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import type { Session } from '../../../testing/test-app.ts';

const call = async (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) => {
  const res = await who.request({ method, url, ...(payload === undefined ? {} : { payload }) });
  assert.equal(res.statusCode < 300, true, `${method} ${url}: ${res.body}`);
  return res.json();
};

/**
 * Takes an idea in Build or Test through both reviews: the builder submits each, the approver
 * approves the business review, the technical reviewer waives every checklist item and approves.
 */
export async function passReviews(ideaId: string, who: { builder: Session; approver: Session; reviewer: Session }) {
  const base = `/api/v1/ideas/${ideaId}/reviews`;
  await call(who.builder, 'POST', base, { kind: 'business' });
  await call(who.approver, 'POST', `${base}/business/decision`, { decision: 'approve' });
  await call(who.builder, 'POST', base, { kind: 'technical' });
  for (const item of ['error_handling', 'credentials', 'data_class', 'owner', 'test_runs'])
    await call(who.reviewer, 'PUT', `${base}/technical/checks/${item}`, { decision: 'waive', reason: 'accepted for the test' });
  return call(who.reviewer, 'POST', `${base}/technical/decision`, { decision: 'approve' });
}

/** `passReviews` through the services: the builder submits, another person (who may decide and review) decides both. */
export async function passReviewsAs(services: Services, ideaId: string, builder: Actor, reviewer: Actor) {
  const reviews = services.ideaReviews;
  await reviews.submit(builder, ideaId, { kind: 'business' });
  await reviews.decide(reviewer, ideaId, 'business', { decision: 'approve' });
  await reviews.submit(builder, ideaId, { kind: 'technical' });
  for (const item of ['error_handling', 'credentials', 'data_class', 'owner', 'test_runs'] as const)
    await reviews.check(reviewer, ideaId, item, { decision: 'waive', reason: 'accepted for the test' });
  return reviews.decide(reviewer, ideaId, 'technical', { decision: 'approve' });
}
