import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/auth-hook.ts';
import { pageSchema } from '../http/pagination.ts';
import { responses } from '../http/responses.ts';
import type { AuditLog } from './audit-log.service.ts';

const isoTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());
const filters = {
  actorId: z.string().max(64).optional().describe('User id of the actor'),
  action: z.string().max(80).optional().describe('Exact action (user.create) or prefix ending in a dot (team.)'),
  objectType: z.string().max(40).optional(),
  objectId: z.string().max(64).optional(),
  from: isoTime.optional().describe('From this time (ISO 8601)'),
  to: isoTime.optional().describe('Up to this time (ISO 8601)'),
  q: z.string().trim().max(120).optional().describe('Free text over actor, action, object and values'),
};

export const auditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

/** Read-only routes: there is no route that changes or deletes an audit entry. */
export async function auditLogRoutes(app: FastifyInstance, deps: { audit: AuditLog }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit-log'];

  r.get(
    '/api/v1/audit-events',
    {
      schema: {
        tags,
        summary: 'Audit events, newest first, filtered',
        querystring: z.object({
          ...filters,
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(64).optional(),
        }),
        response: responses({ 200: pageSchema(auditEventSchema) }),
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return deps.audit.list(actorOf(request), filter, limit, cursor);
    },
  );

  r.get(
    '/api/v1/audit-events/export',
    {
      schema: {
        tags,
        summary: 'Export every matching audit event as CSV or JSON',
        querystring: z.object({ ...filters, format: z.enum(['csv', 'json']).default('csv') }),
        produces: ['text/csv', 'application/json'],
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const actor = actorOf(request);
      const chunks = deps.audit.export(actor, filter, format);
      const first = await chunks.next(); // fails here, before headers, if not permitted
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="symbiont-audit-${stamp}.${format}"`);
      async function* all() {
        if (!first.done) yield first.value;
        yield* chunks;
      }
      return reply.send(Readable.from(all()));
    },
  );
}
