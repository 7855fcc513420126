import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { responses } from '../../platform/http/responses.ts';
import {
  assessBody,
  categoryParam,
  ideaAssessmentSchema,
  ideaParam,
  matrixQuery,
  matrixSchema,
  previewBody,
  previewSchema,
  publishedSchema,
  publishQuestionnaireBody,
  questionnaireSchema,
} from './assessments.schemas.ts';
import type { AssessmentsService } from './assessments.service.ts';
import type { QuestionnairesService } from './questionnaires.service.ts';

export interface AssessmentsRoutesDeps {
  assessments: AssessmentsService;
  questionnaires: QuestionnairesService;
}

/** `/api/v1/assessments`: questionnaires, the detailed assessment of an idea, and the value × ease matrix. */
export async function assessmentsRoutes(app: FastifyInstance, deps: AssessmentsRoutesDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessments'];

  r.get(
    '/api/v1/assessments/questionnaires',
    {
      schema: {
        tags,
        summary: 'The current questionnaire of the default and of each category with its own',
        response: responses({ 200: z.array(questionnaireSchema) }),
      },
    },
    async (request) => deps.questionnaires.list(actorOf(request)),
  );
  r.get(
    '/api/v1/assessments/questionnaires/:categoryId',
    {
      schema: {
        tags,
        summary: 'The questionnaire a category uses now (its own latest version, else the default)',
        params: categoryParam,
        response: responses({ 200: questionnaireSchema }),
      },
    },
    async (request) => deps.questionnaires.current(actorOf(request), request.params.categoryId),
  );
  r.get(
    '/api/v1/assessments/questionnaires/:categoryId/versions',
    {
      schema: {
        tags,
        summary: 'Every published version of a category’s own questionnaire, newest first',
        params: categoryParam,
        response: responses({ 200: z.array(questionnaireSchema) }),
      },
    },
    async (request) => deps.questionnaires.versions(actorOf(request), request.params.categoryId),
  );
  r.post(
    '/api/v1/assessments/questionnaires/:categoryId',
    {
      schema: {
        tags,
        summary: 'Publish the next version of a category’s questionnaire ("default": the default one); returns what changed',
        params: categoryParam,
        body: publishQuestionnaireBody,
        response: responses({ 201: publishedSchema }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deps.questionnaires.publish(actorOf(request), request.params.categoryId, request.body)),
  );
  r.get(
    '/api/v1/assessments/matrix',
    {
      schema: {
        tags,
        summary: 'Value × ease of the assessed ideas matching the filters, with quadrants; how many are not assessed',
        querystring: matrixQuery,
        response: responses({ 200: matrixSchema }),
      },
    },
    async (request) => deps.assessments.matrix(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/assessments/ideas/:ideaId',
    {
      schema: {
        tags,
        summary: 'An idea’s assessment, or a draft prefilled from its quick screen, with the current questionnaire',
        params: ideaParam,
        response: responses({ 200: ideaAssessmentSchema }),
      },
    },
    async (request) => deps.assessments.get(actorOf(request), request.params.ideaId),
  );
  r.put(
    '/api/v1/assessments/ideas/:ideaId',
    {
      schema: {
        tags,
        summary: 'Save an idea’s assessment (approvers, idea managers, its builder); 400 names each wrong field',
        params: ideaParam,
        body: assessBody,
        response: responses({ 200: ideaAssessmentSchema }),
      },
    },
    async (request) => deps.assessments.save(actorOf(request), request.params.ideaId, request.body),
  );
  r.post(
    '/api/v1/assessments/ideas/:ideaId/preview',
    {
      schema: {
        tags,
        summary: 'Compute an assessment without saving it (the live form)',
        params: ideaParam,
        body: previewBody,
        response: responses({ 200: previewSchema }),
      },
    },
    async (request) => deps.assessments.preview(actorOf(request), request.params.ideaId, request.body),
  );
}
