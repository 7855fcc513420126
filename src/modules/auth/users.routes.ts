import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { noContent, responses } from '../../platform/http/responses.ts';
import { createUserBody, idParam, listUsersQuery, setPasswordBody, updateUserBody, userDetailSchema, userSchema } from './auth.schemas.ts';
import type { UsersService } from './users.service.ts';

export async function usersRoutes(app: FastifyInstance, deps: { users: UsersService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'List people (by name, cursor-paginated)',
        querystring: listUsersQuery,
        response: responses({ 200: pageSchema(userSchema) }),
      },
    },
    async (request) => deps.users.list(actorOf(request), request.query),
  );
  r.post(
    '/api/v1/users',
    { schema: { tags, summary: 'Create a user (admin)', body: createUserBody, response: responses({ 201: userSchema }) } },
    async (request, reply) => reply.status(201).send(await deps.users.create(actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/overview',
    {
      schema: {
        tags: ['users'],
        summary: 'How many people and teams there are (home page)',
        response: responses({ 200: z.object({ users: z.number(), teams: z.number() }) }),
      },
    },
    async (request) => deps.users.overview(actorOf(request)),
  );
  r.get(
    '/api/v1/users/:id',
    { schema: { tags, summary: 'A user with teams and roles', params: idParam, response: responses({ 200: userDetailSchema }) } },
    async (request) => deps.users.get(actorOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit name, e-mail or active state (admin)',
        params: idParam,
        body: updateUserBody,
        response: responses({ 200: userSchema }),
      },
    },
    async (request) => deps.users.update(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags,
        summary: "Reset a user's password (admin); ends their sessions and clears a lock-out",
        params: idParam,
        body: setPasswordBody,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await deps.users.setPassword(actorOf(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );
}
