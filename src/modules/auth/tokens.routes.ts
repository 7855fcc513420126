import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { noContent, responses } from '../../platform/http/responses.ts';
import { apiTokenSchema, createTokenBody, idParam, listTokensQuery } from './auth.schemas.ts';
import type { TokensService } from './tokens.service.ts';

export async function tokensRoutes(app: FastifyInstance, deps: { tokens: TokensService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['api-tokens'];

  r.get(
    '/api/v1/api-tokens',
    {
      schema: {
        tags,
        summary: 'Your API tokens (everyone’s with all=true, admins)',
        querystring: listTokensQuery,
        response: responses({ 200: z.object({ items: z.array(apiTokenSchema) }) }),
      },
    },
    async (request) => ({ items: await deps.tokens.list(actorOf(request), request.query.all) }),
  );
  r.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; the secret is returned only in this response',
        body: createTokenBody,
        response: responses({ 201: z.object({ token: z.string().describe('sym_… — store it now'), apiToken: apiTokenSchema }) }),
      },
    },
    async (request, reply) => reply.status(201).send(await deps.tokens.create(actorOf(request), request.body)),
  );
  r.delete(
    '/api/v1/api-tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: idParam, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      await deps.tokens.revoke(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
