import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { noContent, responses } from '../../platform/http/responses.ts';
import { assignRoleBody, idParam, listAssignmentsQuery, roleAssignmentSchema } from './auth.schemas.ts';
import type { RolesService } from './roles.service.ts';

const roleSchema = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  scopes: z.array(z.string()),
});

export async function rolesRoutes(app: FastifyInstance, deps: { roles: RolesService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roles'];

  r.get(
    '/api/v1/roles',
    { schema: { tags, summary: 'The role catalogue with each role’s permissions', response: responses({ 200: z.array(roleSchema) }) } },
    async (request) => {
      actorOf(request);
      return deps.roles.catalog();
    },
  );
  r.get(
    '/api/v1/role-assignments',
    {
      schema: {
        tags,
        summary: 'Role assignments, optionally of one user',
        querystring: listAssignmentsQuery,
        response: responses({ 200: z.object({ items: z.array(roleAssignmentSchema) }) }),
      },
    },
    async (request) => ({ items: await deps.roles.list(actorOf(request), request.query.userId) }),
  );
  r.post(
    '/api/v1/role-assignments',
    {
      schema: {
        tags,
        summary: 'Assign a role, globally or scoped to a team or category (admin)',
        body: assignRoleBody,
        response: responses({ 201: roleAssignmentSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await deps.roles.assign(actorOf(request), request.body)),
  );
  r.delete(
    '/api/v1/role-assignments/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a role assignment (admin); the last admin cannot be removed',
        params: idParam,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await deps.roles.revoke(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
