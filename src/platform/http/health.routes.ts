import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, type Dialect, ping } from '../db/database.ts';
import { migrationStatus } from '../db/migrate.ts';

/** Liveness and readiness probes (public). */
export async function healthRoutes(app: FastifyInstance, deps: { db: Db; dialect: Dialect }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['meta'], summary: 'Liveness: the process answers', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['meta'],
        summary: 'Readiness: database reachable and migrations at head',
        response: {
          200: z.object({
            status: z.literal('ready'),
            database: z.enum(['sqlite', 'postgres']),
            migrations: z.object({ applied: z.number(), pending: z.number() }),
          }),
          503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await ping(deps.db);
        const status = await migrationStatus(deps.db);
        if (status.pending > 0) {
          return reply.status(503).send({ status: 'not_ready' as const, reason: `${status.pending} migration(s) pending` });
        }
        return { status: 'ready' as const, database: deps.dialect, migrations: { applied: status.applied, pending: 0 } };
      } catch (error) {
        return reply.status(503).send({ status: 'not_ready' as const, reason: `database unreachable: ${(error as Error).message}` });
      }
    },
  );
}
