import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { type Db, isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import type { AuthDeps } from './auth.deps.ts';
import type { CreateUserInput, UserView } from './auth.schemas.ts';
import { createRolesRepository } from './roles.repository.ts';
import { createRolesService } from './roles.service.ts';
import { createCredentialsRepository } from './sessions.repository.ts';
import { createTeamsRepository } from './teams.repository.ts';
import { createUsersRepository, type UserRow } from './users.repository.ts';

const nameCursor = z.object({ name: z.string(), id: z.string() });

export function toUserView(row: UserRow, teams: { id: string; name: string }[]): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isActive: row.is_active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
    teams,
  };
}

const emailTaken = (email: string) =>
  new AppError('EMAIL_TAKEN', {
    status: 409,
    userMessage: 'Someone already uses this e-mail address.',
    details: { issues: [{ in: 'body', path: 'email', message: 'Already in use' }], email },
  });

export function createUsersService(deps: AuthDeps) {
  const users = createUsersRepository(deps.db);
  const teams = createTeamsRepository(deps.db);
  const rolesRepo = createRolesRepository(deps.db);
  const roles = createRolesService(deps);
  const credentials = createCredentialsRepository(deps.db);

  async function view(id: string, trx: Db = deps.db): Promise<UserView> {
    const row = await users.findById(id, trx);
    if (!row) throw notFound('User', id);
    return toUserView(row, (await users.teamsOf([id], trx)).get(id) ?? []);
  }

  /** Creates a user inside `trx`: the user, memberships, member + requested roles, audit. */
  async function insertUser(actor: Actor, trx: Db, input: CreateUserInput): Promise<UserView> {
    if (await users.findByEmail(input.email, trx)) throw emailTaken(input.email);
    const now = deps.clock.now().toISOString();
    const row: UserRow = {
      id: newId(),
      email: input.email,
      name: input.name,
      password_hash: input.password ? await hashPassword(input.password) : null,
      is_active: 1,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    };
    try {
      await users.insert(row, trx);
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(input.email);
      throw error;
    }
    const teamIds = [...new Set(input.teamIds)];
    const found = await teams.findByIds(teamIds, trx);
    const foundIds = new Set(found.map((t) => t.id));
    const missing = teamIds.findIndex((id) => !foundIds.has(id));
    if (missing >= 0) {
      throw new AppError('VALIDATION_FAILED', {
        status: 400,
        userMessage: 'A chosen team does not exist.',
        details: { issues: [{ in: 'body', path: `teamIds.${missing}`, message: 'No team with this id' }] },
      });
    }
    for (const teamId of teamIds) {
      await teams.upsertMember({ team_id: teamId, user_id: row.id, is_manager: 0, created_at: now }, trx);
    }
    const requested = [{ role: 'member', scopeType: 'global' as const, scopeId: null }, ...input.roles];
    const seen = new Set<string>();
    const assigned = [];
    for (const [index, role] of requested.entries()) {
      const key = `${role.role}|${role.scopeType}|${role.scopeId ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      assigned.push(await roles.insert(actor, trx, row.id, row.name, role, index === 0 ? '' : `roles.${index - 1}.`));
    }
    const created = toUserView(
      row,
      found.map((t) => ({ id: t.id, name: t.name })),
    );
    await deps.audit.record(trx, actor, {
      action: 'user.create',
      objectType: 'user',
      objectId: row.id,
      after: { ...created, roles: assigned.map((a) => ({ role: a.role, scopeType: a.scopeType, scopeId: a.scopeId })) },
    });
    return created;
  }

  return {
    insertUser,
    view,

    async create(actor: Actor, input: CreateUserInput): Promise<UserView> {
      authorize(actor, 'users.manage');
      if (input.roles.length > 0) authorize(actor, 'roles.assign');
      return deps.db.transaction().execute((trx) => insertUser(actor, trx, input));
    },

    async list(
      actor: Actor,
      query: { q?: string | undefined; teamId?: string | undefined; includeInactive: boolean; limit: number; cursor?: string | undefined },
    ) {
      authorize(actor, 'users.read');
      const after = decodeCursor(query.cursor, nameCursor);
      const rows = await users.list(query, query.limit + 1, after);
      const page = rows.slice(0, query.limit);
      const teamMap = await users.teamsOf(page.map((r) => r.id));
      const last = page.at(-1);
      return {
        items: page.map((r) => toUserView(r, teamMap.get(r.id) ?? [])),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
      };
    },

    async get(actor: Actor, id: string) {
      authorize(actor, 'users.read');
      const user = await view(id);
      return { ...user, roles: await roles.list(actor, id) };
    },

    async update(
      actor: Actor,
      id: string,
      patch: { name?: string | undefined; email?: string | undefined; isActive?: boolean | undefined },
    ) {
      authorize(actor, 'users.manage');
      return deps.db.transaction().execute(async (trx) => {
        const before = await view(id, trx);
        if (patch.email && patch.email !== before.email) {
          const other = await users.findByEmail(patch.email, trx);
          if (other && other.id !== id) throw emailTaken(patch.email);
        }
        const set: Partial<UserRow> = { updated_at: deps.clock.now().toISOString() };
        if (patch.name !== undefined) set.name = patch.name;
        if (patch.email !== undefined) set.email = patch.email;
        if (patch.isActive !== undefined) set.is_active = patch.isActive ? 1 : 0;
        try {
          await users.update(id, set, trx);
        } catch (error) {
          if (isUniqueViolation(error)) throw emailTaken(patch.email ?? '');
          throw error;
        }
        deps.authCache.clear();
        if (patch.isActive === false) {
          if ((await rolesRepo.countActiveAdmins(trx)) === 0) {
            throw conflict('LAST_ADMIN', 'This is the last active administrator; make someone else admin first.');
          }
          await credentials.deleteSessionsOf(id, trx);
        }
        const after = await view(id, trx);
        await deps.audit.record(trx, actor, { action: 'user.update', objectType: 'user', objectId: id, before, after });
        return after;
      });
    },

    /** Admin reset: new password, lock-out cleared, every session of the user ended. */
    async setPassword(actor: Actor, id: string, password: string): Promise<void> {
      authorize(actor, 'users.manage');
      const hash = await hashPassword(password);
      await deps.db.transaction().execute(async (trx) => {
        const user = await users.findById(id, trx);
        if (!user) throw notFound('User', id);
        await users.update(
          id,
          { password_hash: hash, failed_logins: 0, locked_until: null, updated_at: deps.clock.now().toISOString() },
          trx,
        );
        await credentials.deleteSessionsOf(id, trx);
        deps.authCache.clear();
        await deps.audit.record(trx, actor, {
          action: 'user.password_reset',
          objectType: 'user',
          objectId: id,
          after: { passwordChanged: true, lockoutCleared: user.locked_until !== null || user.failed_logins > 0 },
        });
      });
    },

    /** A signed-in user changes their own password, proving the current one. */
    async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
      if (!actor.userId) throw new AppError('FORBIDDEN', { status: 403, userMessage: 'Only a person can change a password.' });
      const user = await users.findById(actor.userId);
      if (!user?.password_hash || !(await verifyPassword(currentPassword, user.password_hash))) {
        throw new AppError('INVALID_CREDENTIALS', {
          status: 400,
          userMessage: 'The current password is wrong.',
          details: { issues: [{ in: 'body', path: 'currentPassword', message: 'Wrong password' }] },
        });
      }
      const hash = await hashPassword(newPassword);
      await deps.db.transaction().execute(async (trx) => {
        await users.update(user.id, { password_hash: hash, updated_at: deps.clock.now().toISOString() }, trx);
        await deps.audit.record(trx, actor, {
          action: 'user.password_change',
          objectType: 'user',
          objectId: user.id,
          after: { passwordChanged: true },
        });
      });
    },

    async overview(actor: Actor) {
      authorize(actor, 'users.read');
      return { users: await users.count(), teams: await teams.count() };
    },

    /** For operators (demo loader): no permission check, counts only. */
    async counts() {
      return { users: await users.count(), teams: await teams.count() };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
