import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { reviewsApproved } from './idea-reviews.domain.ts';
import { createIdeaReviewsRepository } from './idea-reviews.repository.ts';

/**
 * The go-live gate (Test → Live): refused with 409 IDEA_REVIEWS_PENDING unless both the business
 * and the technical review are approved in their latest round. Runs in the move's transaction.
 */
export async function assertReviewsApproved(trx: Db, ideaId: string): Promise<void> {
  const gate = reviewsApproved(await createIdeaReviewsRepository(trx).rounds(ideaId, trx));
  if (gate.ok) return;
  throw new AppError('IDEA_REVIEWS_PENDING', {
    status: 409,
    userMessage: `The idea goes Live after its business and technical reviews are approved (business: ${gate.business.replace('_', ' ')}, technical: ${gate.technical.replace('_', ' ')}).`,
    details: { business: gate.business, technical: gate.technical },
  });
}
