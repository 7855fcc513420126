import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { noContent, responses } from '../../platform/http/responses.ts';
import { listRunsQuery, rerunBody, runDetailSchema, runIdParam, runSummarySchema, statsQuery, statsSchema } from './runs.schemas.ts';
import type { RunsService } from './runs.service.ts';

export async function runsRoutes(app: FastifyInstance, deps: { runs: RunsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['runs'];

  r.get(
    '/api/v1/runs',
    {
      schema: {
        tags,
        summary: 'Runs, newest first',
        querystring: listRunsQuery,
        response: responses({ 200: pageSchema(runSummarySchema) }),
      },
    },
    async (request) => deps.runs.list(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/runs/:id',
    {
      schema: {
        tags,
        summary: 'A run with each step’s input, output, error, attempts and timing',
        params: runIdParam,
        response: responses({ 200: runDetailSchema }),
      },
    },
    async (request) => deps.runs.get(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/runs/:id/retry',
    {
      schema: { tags, summary: 'Continue a failed run from its failed step', params: runIdParam, response: responses({ 204: noContent }) },
    },
    async (request, reply) => {
      await deps.runs.retry(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/runs/:id/cancel',
    { schema: { tags, summary: 'Cancel a run (at its next step boundary)', params: runIdParam, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      await deps.runs.cancel(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/runs/:id/rerun',
    {
      schema: {
        tags,
        summary: 'A new run from a chosen step, with its input edited',
        params: runIdParam,
        body: rerunBody,
        response: responses({ 202: z.object({ runId: z.string() }) }),
      },
    },
    async (request, reply) =>
      reply.status(202).send(await deps.runs.rerun(actorOf(request), request.params.id, request.body.fromNodeId, request.body.input)),
  );
  r.get(
    '/api/v1/workflows/:id/stats',
    {
      schema: {
        tags,
        summary: 'Run statistics of a workflow: success rate, durations, working and waiting time (machines, people), per step',
        params: z.object({ id: z.string().min(1).max(64).describe('Workflow id') }),
        querystring: statsQuery,
        response: responses({ 200: statsSchema }),
      },
    },
    async (request) => deps.runs.stats(actorOf(request), request.params.id, request.query.days),
  );
}
