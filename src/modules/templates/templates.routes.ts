import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { responses } from '../../platform/http/responses.ts';
import type { TemplateReviewsService } from './template-reviews.service.ts';
import {
  idParam,
  listTemplatesQuery,
  publishTemplateBody,
  republishBody,
  reuseByAuthorSchema,
  reuseQuery,
  reviewBody,
  reviewSchema,
  templateDetailSchema,
  templateSummarySchema,
  updateTemplateBody,
  useResultSchema,
  useTemplateBody,
} from './templates.schemas.ts';
import type { TemplatesService } from './templates.service.ts';

export interface TemplatesRoutesDeps {
  templates: TemplatesService;
  reviews: TemplateReviewsService;
}

/** `/api/v1/templates`: the gallery, publishing workflows as templates, using them, ratings and reviews. */
export async function templatesRoutes(app: FastifyInstance, deps: TemplatesRoutesDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['templates'];

  r.get(
    '/api/v1/templates',
    {
      schema: {
        tags,
        summary: 'The template gallery: search, category, tag, author; sort by newest, uses or rating; pages',
        querystring: listTemplatesQuery,
        response: responses({ 200: pageSchema(templateSummarySchema) }),
      },
    },
    async (request) => deps.templates.list(actorOf(request), request.query),
  );
  r.post(
    '/api/v1/templates',
    {
      schema: {
        tags,
        summary: "Publish a workflow's latest published version as a template (a new version of your template from the same workflow)",
        body: publishTemplateBody,
        response: responses({ 201: templateDetailSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await deps.templates.publish(actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/templates/reuse-by-author',
    {
      schema: {
        tags,
        summary: "Uses of each author's templates by other people, most reused first",
        querystring: reuseQuery,
        response: responses({ 200: reuseByAuthorSchema }),
      },
    },
    async (request) => deps.templates.reuseReport(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/templates/:id',
    {
      schema: {
        tags,
        summary: 'A template with its documentation, definition, needed credentials, versions and reviews',
        params: idParam,
        response: responses({ 200: templateDetailSchema }),
      },
    },
    async (request) => deps.templates.get(actorOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/templates/:id',
    {
      schema: {
        tags,
        summary: 'Edit name, summary, documentation, category or tags (author or administrator)',
        params: idParam,
        body: updateTemplateBody,
        response: responses({ 200: templateDetailSchema }),
      },
    },
    async (request) => deps.templates.update(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/templates/:id/versions',
    {
      schema: {
        tags,
        summary: "Re-publish: a new version from the source workflow's latest published version (author)",
        params: idParam,
        body: republishBody,
        response: responses({ 201: templateDetailSchema }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deps.templates.republish(actorOf(request), request.params.id, request.body.note)),
  );
  r.post(
    '/api/v1/templates/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a template: it leaves the gallery and can no longer be used (author or administrator)',
        params: idParam,
        response: responses({ 200: templateDetailSchema }),
      },
    },
    async (request) => deps.templates.archive(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/templates/:id/use',
    {
      schema: {
        tags,
        summary: 'Create a draft workflow from the template, owned by the caller; the use is credited to the author',
        params: idParam,
        body: useTemplateBody,
        response: responses({ 201: useResultSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await deps.templates.use(actorOf(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/templates/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Ratings and reviews, newest first',
        params: idParam,
        response: responses({ 200: z.object({ items: z.array(reviewSchema) }) }),
      },
    },
    async (request) => deps.reviews.list(actorOf(request), request.params.id),
  );
  r.put(
    '/api/v1/templates/:id/reviews/mine',
    {
      schema: {
        tags,
        summary: 'Rate the template (1–5 stars, optional text); rating again replaces your review. Not your own template.',
        params: idParam,
        body: reviewBody,
        response: responses({ 200: templateSummarySchema }),
      },
    },
    async (request) => deps.reviews.rate(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/templates/:id/reviews/mine',
    { schema: { tags, summary: 'Delete your review', params: idParam, response: responses({ 200: templateSummarySchema }) } },
    async (request) => deps.reviews.remove(actorOf(request), request.params.id),
  );
}
