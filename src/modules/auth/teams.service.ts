import { z } from 'zod';
import { type Db, isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import type { AuthDeps } from './auth.deps.ts';
import type { TeamView } from './auth.schemas.ts';
import { createTeamsRepository, type TeamWithCount } from './teams.repository.ts';
import { createUsersRepository } from './users.repository.ts';

const nameCursor = z.object({ name: z.string(), id: z.string() });

function toView(row: TeamWithCount): TeamView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    memberCount: row.member_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const nameTaken = (name: string) =>
  new AppError('TEAM_NAME_TAKEN', {
    status: 409,
    userMessage: `A team called "${name}" already exists.`,
    details: { issues: [{ in: 'body', path: 'name', message: 'Already in use' }] },
  });

export function createTeamsService(deps: AuthDeps) {
  const teams = createTeamsRepository(deps.db);
  const users = createUsersRepository(deps.db);

  async function detail(id: string, trx: Db = deps.db) {
    const found = await teams.findWithMembers(id, trx);
    if (!found) throw notFound('Team', id);
    return { ...toView({ ...found.team, member_count: found.members.length }), members: found.members };
  }

  async function guardName<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
  }

  return {
    detail,

    async create(actor: Actor, input: { name: string; description: string }): Promise<TeamView> {
      authorize(actor, 'teams.manage');
      return guardName(input.name, () =>
        deps.db.transaction().execute(async (trx) => {
          const now = deps.clock.now().toISOString();
          const row = { id: newId(), name: input.name, description: input.description, created_at: now, updated_at: now };
          await teams.insert(row, trx);
          const view = toView({ ...row, member_count: 0 });
          await deps.audit.record(trx, actor, { action: 'team.create', objectType: 'team', objectId: row.id, after: view });
          return view;
        }),
      );
    },

    async list(actor: Actor, query: { q?: string | undefined; limit: number; cursor?: string | undefined }) {
      authorize(actor, 'teams.read');
      const rows = await teams.list(query.q, query.limit + 1, decodeCursor(query.cursor, nameCursor));
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toView),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
      };
    },

    async get(actor: Actor, id: string) {
      authorize(actor, 'teams.read');
      return detail(id);
    },

    async update(actor: Actor, id: string, patch: { name?: string | undefined; description?: string | undefined }): Promise<TeamView> {
      authorize(actor, 'teams.manage', { teamId: id });
      return guardName(patch.name ?? '', () =>
        deps.db.transaction().execute(async (trx) => {
          const before = await teams.findById(id, trx);
          if (!before) throw notFound('Team', id);
          const set: { updated_at: string; name?: string; description?: string } = { updated_at: deps.clock.now().toISOString() };
          if (patch.name !== undefined) set.name = patch.name;
          if (patch.description !== undefined) set.description = patch.description;
          await teams.update(id, set, trx);
          const after = toView({ ...before, ...set });
          await deps.audit.record(trx, actor, { action: 'team.update', objectType: 'team', objectId: id, before: toView(before), after });
          return after;
        }),
      );
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'teams.manage');
      await deps.db.transaction().execute(async (trx) => {
        const before = await detail(id, trx);
        await teams.delete(id, trx);
        deps.authCache.clear(); // team-scoped roles went with the team
        await deps.audit.record(trx, actor, { action: 'team.delete', objectType: 'team', objectId: id, before });
      });
    },

    async setMember(actor: Actor, teamId: string, userId: string, isManager: boolean): Promise<void> {
      authorize(actor, 'teams.manage', { teamId });
      await deps.db.transaction().execute(async (trx) => {
        const team = await teams.findById(teamId, trx);
        if (!team) throw notFound('Team', teamId);
        const user = await users.findById(userId, trx);
        if (!user) throw notFound('User', userId);
        const existing = await teams.findMember(teamId, userId, trx);
        if (existing && (existing.is_manager === 1) === isManager) return;
        await teams.upsertMember(
          { team_id: teamId, user_id: userId, is_manager: isManager ? 1 : 0, created_at: deps.clock.now().toISOString() },
          trx,
        );
        await deps.audit.record(trx, actor, {
          action: existing ? 'team.member_update' : 'team.member_add',
          objectType: 'team',
          objectId: teamId,
          before: existing ? { userId, userName: user.name, isManager: existing.is_manager === 1 } : null,
          after: { userId, userName: user.name, isManager },
        });
      });
    },

    async removeMember(actor: Actor, teamId: string, userId: string): Promise<void> {
      authorize(actor, 'teams.manage', { teamId });
      await deps.db.transaction().execute(async (trx) => {
        const existing = await teams.findMember(teamId, userId, trx);
        if (!existing) throw notFound('Team member', userId);
        const user = await users.findById(userId, trx);
        await teams.removeMember(teamId, userId, trx);
        await deps.audit.record(trx, actor, {
          action: 'team.member_remove',
          objectType: 'team',
          objectId: teamId,
          before: { userId, userName: user?.name ?? null, isManager: existing.is_manager === 1 },
        });
      });
    },
  };
}

export type TeamsService = ReturnType<typeof createTeamsService>;
