import { AppError, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { loadTemplate, personOf, requireActive } from './template-access.ts';
import { reviewOf, summaryOf } from './template-views.ts';
import type { TemplatesDeps } from './templates.deps.ts';
import { ratingDelta } from './templates.domain.ts';

/**
 * Ratings and reviews: 1–5 stars and optional text, one per person per template (rating again
 * replaces it), never on your own template. Members and up (ideas.submit: the community
 * permission) may rate; the template's counters move in the same transaction.
 */
export function createTemplateReviewsService(deps: Omit<TemplatesDeps, 'workflows' | 'registry'>) {
  const { repo } = deps;
  const now = () => deps.clock.now().toISOString();

  return {
    async list(actor: Actor, templateId: string) {
      authorize(actor, 'workflows.read');
      await loadTemplate(repo, templateId);
      return { items: (await repo.reviews(templateId)).map(reviewOf) };
    },

    /** Rates a template (or replaces the caller's rating); answers with the template's new average. */
    async rate(actor: Actor, templateId: string, input: { stars: number; text: string }) {
      authorize(actor, 'ideas.submit');
      const user = personOf(actor);
      const template = await loadTemplate(repo, templateId);
      if (template.author_id === user) {
        throw new AppError('TEMPLATE_OWN_REVIEW', { status: 403, userMessage: 'You cannot rate your own template.' });
      }
      requireActive(template);
      await deps.db.transaction().execute(async (trx) => {
        const before = await repo.review(templateId, user, trx);
        const at = now();
        if (before) await repo.updateReview(templateId, user, { stars: input.stars, text: input.text, updated_at: at }, trx);
        else
          await repo.insertReview(
            { template_id: templateId, user_id: user, stars: input.stars, text: input.text, created_at: at, updated_at: at },
            trx,
          );
        const delta = ratingDelta(before ? Number(before.stars) : null, input.stars);
        await repo.bump(templateId, { ratingSum: delta.sum, ratingCount: delta.count }, trx);
        await deps.audit.record(trx, actor, {
          action: 'template.review',
          objectType: 'template',
          objectId: templateId,
          before: before ? { stars: Number(before.stars), text: before.text } : null,
          after: input,
        });
      });
      return summaryOf(await loadTemplate(repo, templateId));
    },

    /** Deletes the caller's own review. */
    async remove(actor: Actor, templateId: string) {
      authorize(actor, 'ideas.submit');
      const user = personOf(actor);
      await loadTemplate(repo, templateId);
      await deps.db.transaction().execute(async (trx) => {
        const before = await repo.review(templateId, user, trx);
        if (!before) throw notFound('Review');
        await repo.deleteReview(templateId, user, trx);
        const delta = ratingDelta(Number(before.stars), null);
        await repo.bump(templateId, { ratingSum: delta.sum, ratingCount: delta.count }, trx);
        await deps.audit.record(trx, actor, {
          action: 'template.review_delete',
          objectType: 'template',
          objectId: templateId,
          before: { stars: Number(before.stars), text: before.text },
          after: null,
        });
      });
      return summaryOf(await loadTemplate(repo, templateId));
    },
  };
}

export type TemplateReviewsService = ReturnType<typeof createTemplateReviewsService>;
