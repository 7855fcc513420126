import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { responses } from '../../platform/http/responses.ts';
import { symbiosisQuery, symbiosisSchema } from './symbiosis.schemas.ts';
import type { SymbiosisService } from './symbiosis.service.ts';

export async function symbiosisRoutes(app: FastifyInstance, deps: { symbiosis: SymbiosisService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/symbiosis',
    {
      schema: {
        tags: ['symbiosis'],
        summary:
          'People and machine: steps, time, task cycle time, SLA breaches and exceptions per week, for a workflow, a team or the programme',
        querystring: symbiosisQuery,
        response: responses({ 200: symbiosisSchema }),
      },
    },
    async (request) => deps.symbiosis.view(actorOf(request), request.query),
  );
}
