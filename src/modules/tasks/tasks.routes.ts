import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { responses } from '../../platform/http/responses.ts';
import type { DelegationsService } from './delegations.service.ts';
import {
  bulkApproveBody,
  bulkResultSchema,
  commentBody,
  completeBody,
  countsSchema,
  createDelegationBody,
  delegationIdParam,
  delegationSchema,
  listDelegationsQuery,
  listTasksQuery,
  reassignBody,
  resolveBody,
  taskDetailSchema,
  taskIdParam,
  taskSummarySchema,
} from './tasks.schemas.ts';
import type { TasksService } from './tasks.service.ts';

/** `/api/v1/tasks`: the inbox, decisions on tasks, and out-of-office delegations. */
export async function tasksRoutes(app: FastifyInstance, deps: { tasks: TasksService; delegations: DelegationsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  const detail = responses({ 200: taskDetailSchema });

  r.get(
    '/api/v1/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks: my inbox (mine and my teams’), soonest due first; or every task (view=all, tasks.manage)',
        querystring: listTasksQuery,
        response: responses({ 200: pageSchema(taskSummarySchema) }),
      },
    },
    async (request) => deps.tasks.list(actorOf(request), request.query),
  );
  r.get(
    '/api/v1/tasks/counts',
    { schema: { tags, summary: 'Open-task counts for the navigation', response: responses({ 200: countsSchema }) } },
    async (request) => deps.tasks.counts(actorOf(request)),
  );
  r.post(
    '/api/v1/tasks/bulk-approve',
    {
      schema: {
        tags,
        summary: 'Approve several approval tasks; each is checked and decided on its own',
        body: bulkApproveBody,
        response: responses({ 200: bulkResultSchema }),
      },
    },
    async (request) => deps.tasks.bulkApprove(actorOf(request), request.body.ids, request.body.comment),
  );
  r.get(
    '/api/v1/tasks/delegations',
    {
      schema: {
        tags,
        summary: 'Out-of-office delegations you gave or received (all=true: everyone’s, tasks.manage)',
        querystring: listDelegationsQuery,
        response: responses({ 200: z.object({ items: z.array(delegationSchema) }) }),
      },
    },
    async (request) => ({ items: await deps.delegations.list(actorOf(request), request.query) }),
  );
  r.post(
    '/api/v1/tasks/delegations',
    {
      schema: {
        tags,
        summary: 'Hand your tasks to a stand-in while you are away',
        body: createDelegationBody,
        response: responses({ 201: delegationSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await deps.delegations.create(actorOf(request), request.body)),
  );
  r.post(
    '/api/v1/tasks/delegations/:id/cancel',
    {
      schema: {
        tags,
        summary: 'End a delegation now (you are back)',
        params: delegationIdParam,
        response: responses({ 200: delegationSchema }),
      },
    },
    async (request) => deps.delegations.cancel(actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/tasks/:id',
    {
      schema: {
        tags,
        summary: 'A task: what to decide, its data, form, decisions and what you may do',
        params: taskIdParam,
        response: detail,
      },
    },
    async (request) => deps.tasks.get(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/tasks/:id/claim',
    { schema: { tags, summary: 'Claim a task (colleagues see you are on it)', params: taskIdParam, response: detail } },
    async (request) => deps.tasks.claim(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/tasks/:id/unclaim',
    { schema: { tags, summary: 'Give a claimed task back to the assignees', params: taskIdParam, response: detail } },
    async (request) => deps.tasks.unclaim(actorOf(request), request.params.id),
  );
  r.post(
    '/api/v1/tasks/:id/reassign',
    { schema: { tags, summary: 'Give a task to other people (tasks.manage)', params: taskIdParam, body: reassignBody, response: detail } },
    async (request) => deps.tasks.reassign(actorOf(request), request.params.id, request.body.to, request.body.comment),
  );
  r.post(
    '/api/v1/tasks/:id/approve',
    { schema: { tags, summary: 'Approve (with an optional comment)', params: taskIdParam, body: commentBody.nullish(), response: detail } },
    async (request) =>
      deps.tasks.approve(actorOf(request), request.params.id, request.body?.comment ?? '', undefined, request.body?.minutesSpent),
  );
  r.post(
    '/api/v1/tasks/:id/reject',
    { schema: { tags, summary: 'Reject (with an optional comment)', params: taskIdParam, body: commentBody.nullish(), response: detail } },
    async (request) =>
      deps.tasks.reject(actorOf(request), request.params.id, request.body?.comment ?? '', undefined, request.body?.minutesSpent),
  );
  r.post(
    '/api/v1/tasks/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete a form or a to-do with its data (FORM_INVALID names each wrong field)',
        params: taskIdParam,
        body: completeBody,
        response: detail,
      },
    },
    async (request) => deps.tasks.complete(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/tasks/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve an exception: retry the step (with edited input), skip it with an output, or abort the run',
        params: taskIdParam,
        body: resolveBody,
        response: detail,
      },
    },
    async (request) => deps.tasks.resolve(actorOf(request), request.params.id, request.body),
  );
}
