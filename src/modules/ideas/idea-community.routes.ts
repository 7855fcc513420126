import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { noContent, responses } from '../../platform/http/responses.ts';
import type { IdeaCommunityService } from './idea-community.service.ts';
import { commentBody, commentSchema, idParam, meTooBody } from './ideas.schemas.ts';

const stateSchema = z.object({ votes: z.number(), followers: z.number(), voted: z.boolean(), following: z.boolean() });

/** Votes, follows, comments and "this is my process too" on `/api/v1/ideas/{id}/…`. */
export async function ideaCommunityRoutes(app: FastifyInstance, deps: { community: IdeaCommunityService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ideas'];
  for (const [what, summary] of [
    ['vote', '"My team has this too": one vote per person'],
    ['follow', 'Follow the idea: hear about comments and moves'],
  ] as const) {
    const route = `/api/v1/ideas/:id/${what}` as const;
    const call = what === 'vote' ? deps.community.vote : deps.community.follow;
    r.put(route, { schema: { tags, summary, params: idParam, response: responses({ 200: stateSchema }) } }, async (request) =>
      call(actorOf(request), request.params.id, true),
    );
    r.delete(
      route,
      { schema: { tags, summary: `Undo: ${what}`, params: idParam, response: responses({ 200: stateSchema }) } },
      async (request) => call(actorOf(request), request.params.id, false),
    );
  }
  r.get(
    '/api/v1/ideas/:id/comments',
    { schema: { tags, summary: 'Comments, oldest first', params: idParam, response: responses({ 200: z.array(commentSchema) }) } },
    async (request) => deps.community.comments(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/ideas/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment; @name and @e-mail mentions notify those people, followers are notified too',
        params: idParam,
        body: commentBody,
        response: responses({ 201: commentSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await deps.community.comment(actorOf(request), request.params.id, request.body.body)),
  );
  r.post(
    '/api/v1/ideas/:id/me-too',
    {
      schema: {
        tags,
        summary: '"This is my process too": join an existing idea (optionally with your volume) instead of submitting a duplicate',
        params: idParam,
        body: meTooBody,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await deps.community.meToo(actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
