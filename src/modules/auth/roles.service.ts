import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor, RoleGrant } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { ROLES, type RoleKey, type ScopeType } from '../../platform/permissions/catalog.ts';
import type { AuthDeps } from './auth.deps.ts';
import type { RoleAssignmentView } from './auth.schemas.ts';
import { createRolesRepository, type RoleAssignmentRow } from './roles.repository.ts';
import { createTeamsRepository } from './teams.repository.ts';

export interface RoleInput {
  role: string;
  scopeType: ScopeType;
  scopeId?: string | null | undefined;
}

function toView(row: RoleAssignmentRow, userName: string, scopeName: string | null): RoleAssignmentView {
  return {
    id: row.id,
    userId: row.user_id,
    userName,
    role: row.role,
    scopeType: row.scope_type,
    scopeId: row.scope_id === '' ? null : row.scope_id,
    scopeName,
    createdAt: row.created_at,
  };
}

export function toGrant(row: RoleAssignmentRow): RoleGrant {
  return { role: row.role as RoleKey, scopeType: row.scope_type as ScopeType, scopeId: row.scope_id === '' ? null : row.scope_id };
}

export function createRolesService(deps: AuthDeps) {
  const repo = createRolesRepository(deps.db);
  const teams = createTeamsRepository(deps.db);

  /** Checks a role input; `path` prefixes field paths in the error (e.g. `roles.1`). */
  async function validate(input: RoleInput, trx: Db, path = ''): Promise<{ scopeId: string; scopeName: string | null }> {
    const fail = (field: string, message: string) =>
      new AppError('VALIDATION_FAILED', {
        status: 400,
        userMessage: message,
        details: { issues: [{ in: 'body', path: `${path}${field}`, message }] },
      });
    const def = ROLES[input.role as RoleKey];
    if (!def) throw fail('role', `Unknown role "${input.role}".`);
    if (!def.scopes.includes(input.scopeType)) {
      throw fail('scopeType', `${def.title} cannot be scoped to a ${input.scopeType}; allowed: ${def.scopes.join(', ')}.`);
    }
    if (input.scopeType === 'global') {
      if (input.scopeId) throw fail('scopeId', 'A global role has no scope id.');
      return { scopeId: '', scopeName: null };
    }
    if (!input.scopeId) throw fail('scopeId', `Choose the ${input.scopeType} this role applies to.`);
    if (input.scopeType === 'team') {
      const team = await teams.findById(input.scopeId, trx);
      if (!team) throw fail('scopeId', 'No team with this id.');
      return { scopeId: team.id, scopeName: team.name };
    }
    return { scopeId: input.scopeId, scopeName: input.scopeId };
  }

  /** Inserts an assignment inside `trx` with its audit entry; the caller checked rights. */
  async function insert(actor: Actor, trx: Db, userId: string, userName: string, input: RoleInput, path = ''): Promise<RoleAssignmentView> {
    const { scopeId, scopeName } = await validate(input, trx, path);
    const row: RoleAssignmentRow = {
      id: newId(),
      user_id: userId,
      role: input.role,
      scope_type: input.scopeType,
      scope_id: scopeId,
      created_at: deps.clock.now().toISOString(),
      created_by: actor.userId,
    };
    try {
      await repo.insert(row, trx);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict('ROLE_ALREADY_ASSIGNED', 'This person already has this role with this scope.', { userId, role: input.role });
      }
      throw error;
    }
    const view = toView(row, userName, scopeName);
    deps.authCache.clear();
    await deps.audit.record(trx, actor, { action: 'role.assign', objectType: 'role_assignment', objectId: row.id, after: view });
    return view;
  }

  return {
    validate,

    insert,

    catalog() {
      return Object.entries(ROLES).map(([key, def]) => ({
        key,
        title: def.title,
        description: def.description,
        permissions: [...def.permissions],
        scopes: [...def.scopes],
      }));
    },

    async grantsOf(userId: string, trx: Db = deps.db): Promise<RoleGrant[]> {
      return (await repo.forUsers([userId], trx)).map(toGrant);
    },

    async list(actor: Actor, userId?: string): Promise<RoleAssignmentView[]> {
      authorize(actor, 'users.read');
      const rows = await repo.listDetailed(userId);
      return rows.map((r) => toView(r, r.user_name, r.scope_type === 'team' ? r.team_name : r.scope_id || null));
    },

    async assign(actor: Actor, input: RoleInput & { userId: string }): Promise<RoleAssignmentView> {
      authorize(actor, 'roles.assign');
      return deps.db.transaction().execute(async (trx) => {
        const user = await trx.selectFrom('users').select(['id', 'name']).where('id', '=', input.userId).executeTakeFirst();
        if (!user) throw notFound('User', input.userId);
        return insert(actor, trx, user.id, user.name, input);
      });
    },

    async revoke(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'roles.assign');
      await deps.db.transaction().execute(async (trx) => {
        const row = await repo.findById(id, trx);
        if (!row) throw notFound('Role assignment', id);
        await repo.delete(id, trx);
        deps.authCache.clear();
        if (row.role === 'admin' && (await repo.countActiveAdmins(trx)) === 0) {
          throw conflict('LAST_ADMIN', 'This is the last administrator; make someone else admin first.');
        }
        const user = await trx.selectFrom('users').select('name').where('id', '=', row.user_id).executeTakeFirst();
        await deps.audit.record(trx, actor, {
          action: 'role.revoke',
          objectType: 'role_assignment',
          objectId: id,
          before: toView(row, user?.name ?? '', row.scope_id || null),
        });
      });
    },
  };
}

export type RolesService = ReturnType<typeof createRolesService>;
