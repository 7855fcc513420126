import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { noContent, responses } from '../../platform/http/responses.ts';
import {
  createWorkflowBody,
  diffQuery,
  diffSchema,
  exportFileSchema,
  idParam,
  listWorkflowsQuery,
  publishBody,
  startRunBody,
  stepTypeSchema,
  testStepBody,
  updateWorkflowBody,
  validateBody,
  validationResultSchema,
  versionDetailSchema,
  versionParams,
  versionSchema,
  workflowDetailSchema,
  workflowSummarySchema,
} from './workflows.schemas.ts';
import type { WorkflowsService } from './workflows.service.ts';

export async function workflowsRoutes(app: FastifyInstance, deps: { workflows: WorkflowsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workflows'];
  const w = deps.workflows;

  r.get(
    '/api/v1/step-types',
    {
      schema: {
        tags,
        summary: 'Every step type: triggers, logic, code, connector actions, with their config JSON Schema',
        response: responses({ 200: z.object({ items: z.array(stepTypeSchema) }) }),
      },
    },
    async (request) => w.stepTypes(actorOf(request)),
  );
  r.get(
    '/api/v1/workflows',
    {
      schema: {
        tags,
        summary: 'List workflows with their live version and last run',
        querystring: listWorkflowsQuery,
        response: responses({ 200: pageSchema(workflowSummarySchema) }),
      },
    },
    async (request) => w.list(actorOf(request), request.query),
  );
  r.post(
    '/api/v1/workflows',
    {
      schema: {
        tags,
        summary: 'Create a workflow (a draft)',
        body: createWorkflowBody,
        response: responses({ 201: workflowDetailSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await w.create(actorOf(request), request.body)),
  );
  r.post(
    '/api/v1/workflows/validate',
    {
      schema: {
        tags,
        summary: 'Check a definition; every problem with its path and node',
        body: validateBody,
        response: responses({ 200: validationResultSchema }),
      },
    },
    async (request) => w.check(actorOf(request), request.body.definition),
  );
  r.post(
    '/api/v1/workflows/import',
    {
      schema: {
        tags,
        summary: 'Create a workflow from an exported file',
        body: exportFileSchema,
        response: responses({ 201: workflowDetailSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await w.create(actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/workflows/:id',
    { schema: { tags, summary: 'A workflow with its draft', params: idParam, response: responses({ 200: workflowDetailSchema }) } },
    async (request) => w.get(actorOf(request), request.params.id),
  );
  r.put(
    '/api/v1/workflows/:id',
    {
      schema: {
        tags,
        summary: 'Save the draft (and name/description)',
        params: idParam,
        body: updateWorkflowBody,
        response: responses({ 200: workflowDetailSchema }),
      },
    },
    async (request) => w.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/workflows/:id',
    {
      schema: {
        tags,
        summary: 'Archive a workflow (its webhook stops answering)',
        params: idParam,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await w.archive(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/workflows/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish the draft as the next version',
        params: idParam,
        body: publishBody,
        response: responses({ 200: versionSchema }),
      },
    },
    async (request) => w.publish(actorOf(request), request.params.id, request.body.note),
  );
  r.get(
    '/api/v1/workflows/:id/versions',
    {
      schema: {
        tags,
        summary: 'Published versions, newest first',
        params: idParam,
        response: responses({ 200: z.object({ items: z.array(versionSchema) }) }),
      },
    },
    async (request) => w.versions(actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/workflows/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'One published version with its definition',
        params: versionParams,
        response: responses({ 200: versionDetailSchema }),
      },
    },
    async (request) => w.version(actorOf(request), request.params.id, request.params.version),
  );
  r.get(
    '/api/v1/workflows/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two versions (or a version and the draft)',
        params: idParam,
        querystring: diffQuery,
        response: responses({ 200: diffSchema }),
      },
    },
    async (request) => w.diff(actorOf(request), request.params.id, request.query.from, request.query.to),
  );
  r.post(
    '/api/v1/workflows/:id/test-step',
    {
      schema: {
        tags,
        summary: 'Run one step of the draft with sample input',
        params: idParam,
        body: testStepBody,
        response: responses({ 200: z.object({ output: z.unknown(), response: z.unknown() }) }),
      },
    },
    async (request) => w.testStep(actorOf(request), request.params.id, request.body.nodeId, request.body.input ?? null),
  );
  r.post(
    '/api/v1/workflows/:id/runs',
    {
      schema: {
        tags,
        summary: 'Start a run (of the live version, or of the draft)',
        params: idParam,
        body: startRunBody,
        response: responses({ 202: z.object({ runId: z.string() }) }),
      },
    },
    async (request, reply) => reply.status(202).send(await w.startRun(actorOf(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/workflows/:id/export',
    {
      schema: {
        tags,
        summary: 'The workflow as a file to import elsewhere',
        params: idParam,
        response: responses({ 200: exportFileSchema }),
      },
    },
    async (request, reply) => {
      const file = await w.exportFile(actorOf(request), request.params.id);
      const name = file.name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60) || 'workflow';
      return reply.header('content-disposition', `attachment; filename="${name}.workflow.json"`).send(file);
    },
  );
}
