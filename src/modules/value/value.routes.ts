import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { responses } from '../../platform/http/responses.ts';
import type { ValueService } from './value.service.ts';
import {
  answerBody,
  automationRowSchema,
  dashboardQuery,
  dashboardSchema,
  ideaIdParam,
  ideaValueSchema,
  settingsBody,
  settingsSchema,
  windowQuery,
} from './value-api.schemas.ts';

/** `/api/v1/value`: the programme dashboard, its CSV export, one idea's value, settings and the personal prompt's answers. */
export async function valueRoutes(app: FastifyInstance, deps: { value: ValueService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['value'];

  r.get(
    '/api/v1/value/dashboard',
    {
      schema: {
        tags,
        summary: 'Programme dashboard: ideas by phase and team, velocity, estimated vs realised value, contributors, automations',
        querystring: dashboardQuery,
        response: responses({ 200: dashboardSchema }),
      },
    },
    async (request) => deps.value.dashboard(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/value/automations',
    {
      schema: {
        tags,
        summary: 'Live automations with expected and measured value over the window',
        querystring: dashboardQuery,
        response: responses({ 200: z.array(automationRowSchema) }),
      },
    },
    async (request) => deps.value.automations(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/value/export.csv',
    {
      schema: {
        tags,
        summary: 'The per-automation table as CSV',
        querystring: dashboardQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await deps.value.exportCsv(actorOf(request), request.query);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="symbiont-value-${stamp}.csv"`)
        .send(csv);
    },
  );
  r.get(
    '/api/v1/value/ideas/:id',
    {
      schema: {
        tags,
        summary: "One idea's expected value and, when live, its measured value week by week",
        params: ideaIdParam,
        querystring: windowQuery,
        response: responses({ 200: ideaValueSchema }),
      },
    },
    async (request) => deps.value.ideaValue(actorOf(request), request.params.id, request.query),
  );
  r.get(
    '/api/v1/value/ideas/:id/settings',
    { schema: { tags, summary: "How an idea's value is measured", params: ideaIdParam, response: responses({ 200: settingsSchema }) } },
    async (request) => deps.value.settings(actorOf(request), request.params.id),
  );
  r.put(
    '/api/v1/value/ideas/:id/settings',
    {
      schema: {
        tags,
        summary: "Change how an idea's value is measured (its builder or a programme manager)",
        params: ideaIdParam,
        body: settingsBody,
        response: responses({ 200: settingsSchema }),
      },
    },
    async (request) => deps.value.updateSettings(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/value/ideas/:id/answers',
    {
      schema: {
        tags,
        summary: 'Answer "minutes saved per week?" for a personal automation',
        params: ideaIdParam,
        body: answerBody,
        response: responses({ 201: z.object({ minutesPerWeek: z.number(), answeredAt: z.string() }) }),
      },
    },
    async (request, reply) => {
      const answer = await deps.value.answer(actorOf(request), request.params.id, request.body.minutesPerWeek);
      return reply.code(201).send(answer);
    },
  );
}
