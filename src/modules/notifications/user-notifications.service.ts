import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { scopeAllows } from '../../platform/permissions/authorize.ts';
import { createUserNotificationsRepository } from './user-notifications.repository.ts';

export interface NotificationDraft {
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  actorLabel?: string | null;
}

const cursorSchema = z.object({ createdAt: z.string(), id: z.string() });

function ownUser(actor: Actor): string {
  if (!actor.userId) throw forbidden('Notifications belong to people: sign in as a user.');
  return actor.userId;
}

/**
 * In-app notifications: other services `notify` people inside their own transaction (so a
 * notification exists exactly when the change does); each person lists and marks theirs read.
 */
export function createUserNotificationsService(deps: { db: Db; clock: Clock }) {
  const repo = createUserNotificationsRepository(deps.db);
  return {
    /** Notifies each user once (the actor never notifies themself). */
    async notify(trx: Db, actor: Actor, userIds: Iterable<string>, draft: NotificationDraft): Promise<number> {
      const now = deps.clock.now().toISOString();
      const rows = [...new Set(userIds)]
        .filter((id) => id !== actor.userId)
        .map((userId) => ({
          id: newId(),
          user_id: userId,
          kind: draft.kind,
          title: draft.title,
          body: draft.body ?? '',
          link: draft.link ?? null,
          object_type: draft.objectType ?? null,
          object_id: draft.objectId ?? null,
          actor_label: draft.actorLabel ?? actor.label,
          read_at: null,
          created_at: now,
        }));
      await repo.insert(rows, trx);
      return rows.length;
    },

    async list(actor: Actor, query: { unread?: boolean | undefined; limit: number; cursor?: string | undefined }) {
      const userId = ownUser(actor);
      const rows = await repo.list(userId, {
        unreadOnly: query.unread ?? false,
        limit: query.limit + 1,
        before: decodeCursor(query.cursor, cursorSchema),
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          link: r.link,
          actor: r.actor_label,
          read: r.read_at !== null,
          createdAt: r.created_at,
        })),
        unread: await repo.unread(userId),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
      };
    },

    /** Marks the caller's notifications read (their own, personal state: no audit entry). */
    async markRead(actor: Actor, ids: string[] | 'all'): Promise<{ marked: number }> {
      const userId = ownUser(actor);
      if (!scopeAllows(actor, 'write')) throw forbidden('This API token cannot change anything.');
      return { marked: await repo.markRead(userId, ids, deps.clock.now().toISOString()) };
    },
  };
}

export type UserNotificationsService = ReturnType<typeof createUserNotificationsService>;
