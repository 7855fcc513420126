import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { responses } from '../../platform/http/responses.ts';
import {
  checkItemBody,
  checkItemParam,
  createdWorkflowSchema,
  createIdeaWorkflowBody,
  decideReviewBody,
  reviewKindParam,
  reviewsSchema,
  submitReviewBody,
} from './idea-reviews.schemas.ts';
import type { IdeaReviewsService } from './idea-reviews.service.ts';
import { idParam } from './ideas.schemas.ts';

/** `/api/v1/ideas/:id/reviews` (business and technical review before Live) and `/api/v1/ideas/:id/workflows/new`. */
export async function ideaReviewsRoutes(app: FastifyInstance, deps: { reviews: IdeaReviewsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ideas'];

  r.get(
    '/api/v1/ideas/:id/reviews',
    {
      schema: {
        tags,
        summary: 'The idea’s reviews: current rounds, the technical checklist with automatic checks, history, go-live gate',
        params: idParam,
        response: responses({ 200: reviewsSchema }),
      },
    },
    async (request) => deps.reviews.get(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/ideas/:id/reviews',
    {
      schema: {
        tags,
        summary: 'The builder submits the idea for business or technical review (a new round)',
        params: idParam,
        body: submitReviewBody,
        response: responses({ 200: reviewsSchema }),
      },
    },
    async (request) => deps.reviews.submit(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/ideas/:id/reviews/:kind/decision',
    {
      schema: {
        tags,
        summary: 'Approve the pending review or request changes with a note (never the idea’s builder)',
        params: reviewKindParam,
        body: decideReviewBody,
        response: responses({ 200: reviewsSchema }),
      },
    },
    async (request) => deps.reviews.decide(actorOf(request), request.params.id, request.params.kind, request.body),
  );
  r.put(
    '/api/v1/ideas/:id/reviews/technical/checks/:item',
    {
      schema: {
        tags,
        summary: 'Confirm a technical checklist item (its automatic check must pass) or waive it with a reason',
        params: checkItemParam,
        body: checkItemBody,
        response: responses({ 200: reviewsSchema }),
      },
    },
    async (request) => deps.reviews.check(actorOf(request), request.params.id, request.params.item, request.body),
  );
  r.post(
    '/api/v1/ideas/:id/workflows/new',
    {
      schema: {
        tags,
        summary: 'Create a draft workflow named after the idea and link it (the builder who claimed it)',
        params: idParam,
        body: createIdeaWorkflowBody,
        response: responses({ 201: createdWorkflowSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await deps.reviews.createWorkflow(actorOf(request), request.params.id, request.body)),
  );
}
