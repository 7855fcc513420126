import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { responses } from '../../platform/http/responses.ts';
import { confirmLinkBody, linkConfirmedSchema, linkPreviewSchema, linkTokenParam } from './task-links.schemas.ts';
import type { TaskLinksService } from './task-links.service.ts';

const meta = (request: FastifyRequest) => ({ ip: request.ip ?? null, requestId: request.id });

/**
 * `/api/v1/task-links/{token}`: the one-click links of task e-mails. Public — the unguessable
 * token is the capability — and rate-limited per address. GET only reads; POST decides.
 */
export async function taskLinksRoutes(app: FastifyInstance, deps: { links: TaskLinksService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  r.get(
    '/api/v1/task-links/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Public (the token is the capability): what an e-mail link does and its task; changes nothing',
        security: [],
        params: linkTokenParam,
        response: responses({ 200: linkPreviewSchema }),
      },
    },
    async (request) => deps.links.preview(request.params.token, meta(request)),
  );
  r.post(
    '/api/v1/task-links/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Public (the token is the capability): confirm an e-mail link — decides the task as its recipient, once',
        security: [],
        params: linkTokenParam,
        body: confirmLinkBody.nullish(),
        response: responses({ 200: linkConfirmedSchema }),
      },
    },
    async (request) => deps.links.confirm(request.params.token, request.body ?? { comment: '' }, meta(request)),
  );
}
