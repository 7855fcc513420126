import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { responses } from '../../platform/http/responses.ts';
import type { IdeaCategoriesService } from './idea-categories.service.ts';
import type { IdeaPipelineService } from './idea-pipeline.service.ts';
import {
  categoryBody,
  categorySchema,
  ideaRowSchema,
  ideaSchema,
  ideaScoreSchema,
  idParam,
  linkWorkflowBody,
  listIdeasQuery,
  rulesBody,
  scoreBody,
  similarBody,
  similarSchema,
  submitIdeaBody,
  transitionBody,
  transitionSchema,
  weightsSchema,
} from './ideas.schemas.ts';
import type { IdeasService } from './ideas.service.ts';

export interface IdeasRoutesDeps {
  ideas: IdeasService;
  pipeline: IdeaPipelineService;
  categories: IdeaCategoriesService;
}

/** `/api/v1/ideas` (submit, score, similar, table, decision queue, pipeline) and `/api/v1/idea-categories`. */
export async function ideasRoutes(app: FastifyInstance, deps: IdeasRoutesDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ideas'];

  r.post(
    '/api/v1/ideas/score',
    {
      schema: {
        tags,
        summary: 'Dry-run the instant idea score of a draft quick screen (nothing is stored)',
        body: scoreBody,
        response: responses({ 200: ideaScoreSchema }),
      },
    },
    async (request) => deps.ideas.score(actorOf(request), request.body.screen),
  );
  r.get(
    '/api/v1/ideas/score-weights',
    { schema: { tags, summary: 'The idea score’s factor weights', response: responses({ 200: weightsSchema }) } },
    async (request) => deps.categories.weights(actorOf(request)),
  );
  r.put(
    '/api/v1/ideas/score-weights',
    {
      schema: {
        tags,
        summary: 'Set the idea score’s factor weights and rescore every idea (admin)',
        body: weightsSchema,
        response: responses({ 200: z.object({ weights: weightsSchema, rescored: z.number() }) }),
      },
    },
    async (request) => deps.categories.setWeights(actorOf(request), request.body),
  );
  r.post(
    '/api/v1/ideas/similar',
    {
      schema: {
        tags,
        summary: 'Existing ideas and workflows most similar to a draft name and description (TF-IDF cosine)',
        body: similarBody,
        response: responses({ 200: similarSchema }),
      },
    },
    async (request) => deps.ideas.similar(actorOf(request), request.body),
  );
  r.post(
    '/api/v1/ideas',
    {
      schema: {
        tags,
        summary: 'Submit an idea; the answer carries its instant score',
        body: submitIdeaBody,
        response: responses({ 201: ideaSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await deps.ideas.submit(actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/ideas',
    {
      schema: {
        tags,
        summary: 'The pipeline table and kanban: filter by phase, status, team, category, text, score; keyset pages',
        querystring: listIdeasQuery,
        response: responses({ 200: pageSchema(ideaRowSchema) }),
      },
    },
    async (request) => deps.ideas.list(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/ideas/decision-queue',
    {
      schema: {
        tags,
        summary: 'Ideas awaiting a decision the caller may take',
        querystring: listIdeasQuery,
        response: responses({ 200: pageSchema(ideaRowSchema) }),
      },
    },
    async (request) => deps.pipeline.decisionQueue(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/ideas/:id',
    {
      schema: {
        tags,
        summary: 'An idea with its score, community counts and the moves the caller may make',
        params: idParam,
        response: responses({ 200: ideaSchema }),
      },
    },
    async (request) => deps.ideas.get(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/ideas/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move an idea to another phase or status, with a reason (409 IDEA_TRANSITION_INVALID, 403 without the role)',
        params: idParam,
        body: transitionBody,
        response: responses({ 200: z.object({ action: z.string(), phase: z.string(), status: z.string() }) }),
      },
    },
    async (request) => deps.pipeline.transition(actorOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/ideas/:id/transitions',
    {
      schema: { tags, summary: 'The history of an idea’s moves', params: idParam, response: responses({ 200: z.array(transitionSchema) }) },
    },
    async (request) => deps.pipeline.history(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/ideas/:id/claim',
    {
      schema: { tags, summary: 'Claim an approved idea to build it (builders)', params: idParam, response: responses({ 200: ideaSchema }) },
    },
    async (request) => deps.pipeline.claim(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/ideas/:id/workflows',
    {
      schema: {
        tags,
        summary: 'Link a workflow that builds the idea',
        params: idParam,
        body: linkWorkflowBody,
        response: responses({ 200: ideaSchema }),
      },
    },
    async (request) => deps.pipeline.linkWorkflow(actorOf(request), request.params.id, request.body.workflowId),
  );
  r.delete(
    '/api/v1/ideas/:id/workflows/:workflowId',
    {
      schema: {
        tags,
        summary: 'Unlink a workflow from the idea',
        params: idParam.extend({ workflowId: z.string().min(1).max(64) }),
        response: responses({ 200: ideaSchema }),
      },
    },
    async (request) => deps.pipeline.linkWorkflow(actorOf(request), request.params.id, request.params.workflowId, true),
  );

  r.get(
    '/api/v1/idea-categories',
    { schema: { tags, summary: 'Idea categories with their transition rules', response: responses({ 200: z.array(categorySchema) }) } },
    async (request) => deps.categories.list(actorOf(request)),
  );
  r.post(
    '/api/v1/idea-categories',
    { schema: { tags, summary: 'Create a category (admin)', body: categoryBody, response: responses({ 201: categorySchema }) } },
    async (request, reply) => reply.status(201).send(await deps.categories.create(actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/idea-categories/:id',
    {
      schema: {
        tags,
        summary: 'Rename or describe a category (admin)',
        params: idParam,
        body: categoryBody,
        response: responses({ 200: categorySchema }),
      },
    },
    async (request) => deps.categories.update(actorOf(request), request.params.id, request.body),
  );
  r.put(
    '/api/v1/idea-categories/:id/rules',
    {
      schema: {
        tags,
        summary: 'Set which roles may take which pipeline action in this category (admin)',
        params: idParam,
        body: rulesBody,
        response: responses({ 200: categorySchema }),
      },
    },
    async (request) => deps.categories.setRules(actorOf(request), request.params.id, request.body.rules),
  );
}
