import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describeConnectors } from '../../connectors/registry.ts';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { noContent, responses } from '../../platform/http/responses.ts';
import {
  connectorCatalogueSchema,
  createCredentialBody,
  credentialSchema,
  idParam,
  listCredentialsQuery,
  testResultSchema,
  testValuesBody,
  updateCredentialBody,
} from './credentials.schemas.ts';
import type { CredentialsService } from './credentials.service.ts';

/** `/api/v1/credentials` (stored connector credentials) and `GET /api/v1/connectors` (the catalogue). */
export async function credentialsRoutes(app: FastifyInstance, deps: { credentials: CredentialsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['credentials'];
  // Built once: the catalogue only changes with the code.
  const catalogue = describeConnectors();

  r.get(
    '/api/v1/connectors',
    {
      schema: {
        tags: ['connectors'],
        summary: 'Installed connectors: actions, triggers and credential types with their JSON Schemas',
        response: responses({ 200: connectorCatalogueSchema }),
      },
    },
    async () => catalogue,
  );
  r.get(
    '/api/v1/credentials',
    {
      schema: {
        tags,
        summary: 'List credentials (secret fields are never returned)',
        querystring: listCredentialsQuery,
        response: responses({ 200: pageSchema(credentialSchema) }),
      },
    },
    async (request) => deps.credentials.list(actorOf(request), request.query),
  );
  r.post(
    '/api/v1/credentials',
    {
      schema: {
        tags,
        summary: 'Store a credential (encrypted at rest)',
        body: createCredentialBody,
        response: responses({ 201: credentialSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await deps.credentials.create(actorOf(request), request.body)),
  );
  r.post(
    '/api/v1/credentials/test',
    {
      schema: {
        tags,
        summary: 'Try credential values before saving them',
        body: testValuesBody,
        response: responses({ 200: testResultSchema }),
      },
    },
    async (request) => deps.credentials.testValues(actorOf(request), request.body),
  );
  r.get(
    '/api/v1/credentials/:id',
    { schema: { tags, summary: 'A credential (secret fields masked)', params: idParam, response: responses({ 200: credentialSchema }) } },
    async (request) => deps.credentials.get(actorOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/credentials/:id',
    {
      schema: {
        tags,
        summary: 'Rename a credential or change fields (fields left out keep their values)',
        params: idParam,
        body: updateCredentialBody,
        response: responses({ 200: credentialSchema }),
      },
    },
    async (request) => deps.credentials.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/credentials/:id',
    { schema: { tags, summary: 'Delete a credential', params: idParam, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      await deps.credentials.remove(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/credentials/:id/test',
    {
      schema: {
        tags,
        summary: 'Try a stored credential against its service',
        params: idParam,
        response: responses({ 200: testResultSchema }),
      },
    },
    async (request) => deps.credentials.test(actorOf(request), request.params.id),
  );
}
