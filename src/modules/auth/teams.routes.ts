import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { noContent, responses } from '../../platform/http/responses.ts';
import {
  createTeamBody,
  idParam,
  listTeamsQuery,
  memberBody,
  memberParams,
  teamDetailSchema,
  teamSchema,
  updateTeamBody,
} from './auth.schemas.ts';
import type { TeamsService } from './teams.service.ts';

export async function teamsRoutes(app: FastifyInstance, deps: { teams: TeamsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['teams'];

  r.get(
    '/api/v1/teams',
    {
      schema: {
        tags,
        summary: 'List teams with member counts',
        querystring: listTeamsQuery,
        response: responses({ 200: pageSchema(teamSchema) }),
      },
    },
    async (request) => deps.teams.list(actorOf(request), request.query),
  );
  r.post(
    '/api/v1/teams',
    { schema: { tags, summary: 'Create a team (department)', body: createTeamBody, response: responses({ 201: teamSchema }) } },
    async (request, reply) => reply.status(201).send(await deps.teams.create(actorOf(request), request.body)),
  );
  r.get(
    '/api/v1/teams/:id',
    { schema: { tags, summary: 'A team with its members', params: idParam, response: responses({ 200: teamDetailSchema }) } },
    async (request) => deps.teams.get(actorOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary: 'Rename or describe a team',
        params: idParam,
        body: updateTeamBody,
        response: responses({ 200: teamSchema }),
      },
    },
    async (request) => deps.teams.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary: 'Delete a team (memberships and team-scoped roles go with it)',
        params: idParam,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await deps.teams.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  r.put(
    '/api/v1/teams/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Add a member or change whether they manage the team',
        params: memberParams,
        body: memberBody,
        response: responses({ 204: noContent }),
      },
    },
    async (request, reply) => {
      await deps.teams.setMember(actorOf(request), request.params.id, request.params.userId, request.body.isManager);
      return reply.status(204).send(null);
    },
  );
  r.delete(
    '/api/v1/teams/:id/members/:userId',
    { schema: { tags, summary: 'Remove a member', params: memberParams, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      await deps.teams.removeMember(actorOf(request), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );
}
