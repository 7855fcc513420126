import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { responses } from '../../platform/http/responses.ts';
import type { UserNotificationsService } from './user-notifications.service.ts';

const notificationSchema = z.object({
  id: z.string(),
  kind: z.string().describe('idea.comment, idea.mention, idea.transition, idea.me_too …'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('Where it points in the web UI'),
  actor: z.string().nullable().describe('Who caused it'),
  read: z.boolean(),
  createdAt: z.string(),
});

/** `/api/v1/notifications`: the caller's in-app notifications. */
export async function userNotificationsRoutes(app: FastifyInstance, deps: { notifications: UserNotificationsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'My in-app notifications, newest first, with the unread count',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional().describe('Only unread ones'), ...pageQuery }),
        response: responses({
          200: z.object({ items: z.array(notificationSchema), unread: z.number(), nextCursor: z.string().nullable() }),
        }),
      },
    },
    async (request) => deps.notifications.list(actorOf(request), { ...request.query, unread: request.query.unread === 'true' }),
  );
  r.post(
    '/api/v1/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark some of my notifications read (ids), or all of them (all: true)',
        body: z.union([z.object({ ids: z.array(z.string().max(64)).min(1).max(500) }), z.object({ all: z.literal(true) })]),
        response: responses({ 200: z.object({ marked: z.number() }) }),
      },
    },
    async (request) => deps.notifications.markRead(actorOf(request), 'ids' in request.body ? request.body.ids : 'all'),
  );
}
