import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { ROLES } from '../../platform/permissions/catalog.ts';
import { createDirectoryRepository } from './directory.repository.ts';
import { decodePrincipals, type Principal, principalsOfUser } from './principals.domain.ts';
import { createRolesRepository } from './roles.repository.ts';
import { toGrant } from './roles.service.ts';

/** Who a task is for, as written in a workflow: a user (id or e-mail), a team (id or name), a team's managers, or a role. */
export type AssigneeSpec = { user: string } | { team: string } | { managersOf: string } | { role: string; team?: string | undefined };

export interface ResolvedAssignee {
  principals: Principal[];
  label: string;
}

export interface Person {
  id: string;
  name: string;
  email: string;
}

/**
 * Read-only questions other modules ask about people: who someone answers to (principals),
 * who a principal stands for, names. No actor: the calling service has authorised its use
 * case already. Inside a transaction pass it as `trx` (SQLite has one connection).
 */
export function createDirectoryService(deps: { db: Db }) {
  const repo = createDirectoryRepository(deps.db);
  const roles = createRolesRepository(deps.db);

  async function actorOf(ref: string, type: Actor['type'], label: (name: string) => string): Promise<Actor> {
    const [user] = await repo.usersByIdOrEmail([ref]);
    if (user?.is_active !== 1) {
      throw new AppError('NOT_FOUND', { status: 404, userMessage: `No active user with the e-mail address ${ref}.` });
    }
    return {
      type,
      userId: user.id,
      label: label(user.name),
      grants: (await roles.forUsers([user.id])).map(toGrant),
      tokenScopes: null,
      requestId: null,
      ip: null,
    };
  }

  return {
    /** The principals of a signed-in actor (grants come with the actor). */
    async principalsOf(actor: Pick<Actor, 'userId' | 'grants'>): Promise<Principal[]> {
      if (!actor.userId) return [];
      return principalsOfUser(actor.userId, await repo.membershipsOf(actor.userId), actor.grants);
    },

    /** The principals of any user, read from the database (grants included). */
    async principalsOfUserId(userId: string): Promise<Principal[]> {
      const grants = (await roles.forUsers([userId])).map(toGrant);
      return principalsOfUser(userId, await repo.membershipsOf(userId), grants);
    },

    /**
     * Turns assignee specs into principals. Unknown users, teams or roles are ASSIGNEE_UNKNOWN
     * (400) naming each, with `path` prefixed by `pathPrefix`.
     */
    async resolve(specs: readonly AssigneeSpec[], pathPrefix = 'assignees'): Promise<ResolvedAssignee[]> {
      const userRefs = specs.flatMap((s) => ('user' in s ? [s.user] : []));
      const teamRefs = specs.flatMap((s) => ('team' in s && s.team ? [s.team] : 'managersOf' in s ? [s.managersOf] : []));
      const users = await repo.usersByIdOrEmail(userRefs);
      const teams = await repo.teamsByIdOrName(teamRefs);
      const userOf = (ref: string) => users.find((u) => u.id === ref || u.email === ref.toLowerCase());
      const teamOf = (ref: string) => teams.find((t) => t.id === ref || t.name === ref);
      const issues: { path: string; message: string }[] = [];
      const out: ResolvedAssignee[] = [];
      specs.forEach((spec, i) => {
        const path = `${pathPrefix}.${i}`;
        if ('user' in spec) {
          const u = userOf(spec.user);
          if (u?.is_active !== 1) issues.push({ path: `${path}.user`, message: `No active user "${spec.user}"` });
          else out.push({ principals: [`u:${u.id}`], label: u.name });
        } else if ('managersOf' in spec) {
          const t = teamOf(spec.managersOf);
          if (!t) issues.push({ path: `${path}.managersOf`, message: `No team "${spec.managersOf}"` });
          else out.push({ principals: [`m:${t.id}`], label: `managers of ${t.name}` });
        } else if ('role' in spec) {
          if (!Object.hasOwn(ROLES, spec.role)) {
            issues.push({ path: `${path}.role`, message: `No role "${spec.role}"` });
            return;
          }
          if (spec.team === undefined) {
            out.push({ principals: [`r:${spec.role}`], label: `role ${spec.role}` });
            return;
          }
          const t = teamOf(spec.team);
          if (!t) issues.push({ path: `${path}.team`, message: `No team "${spec.team}"` });
          // A global holder of the role covers every team.
          else out.push({ principals: [`r:${spec.role}@${t.id}`, `r:${spec.role}`], label: `role ${spec.role} of ${t.name}` });
        } else {
          const t = teamOf(spec.team);
          if (!t) issues.push({ path: `${path}.team`, message: `No team "${spec.team}"` });
          else out.push({ principals: [`t:${t.id}`], label: `team ${t.name}` });
        }
      });
      if (issues.length > 0) {
        throw new AppError('ASSIGNEE_UNKNOWN', {
          status: 400,
          userMessage: `Some assignees do not exist: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`,
          details: { issues },
          retryable: false,
        });
      }
      return out;
    },

    /** Active users a set of principals stands for, by name. */
    usersOf: (principals: readonly Principal[], trx?: Db): Promise<Person[]> => repo.activeUsers(decodePrincipals(principals), trx),

    /** Names and e-mail addresses by user id. */
    async people(ids: readonly string[], trx?: Db): Promise<Map<string, Person>> {
      const rows = await repo.namesOf([...new Set(ids)], trx);
      return new Map(rows.map((r) => [r.id, r]));
    },

    /** Human-readable labels of principals (for task views). */
    async labels(principals: readonly Principal[]): Promise<Map<Principal, string>> {
      const d = decodePrincipals(principals);
      const users = new Map((await repo.namesOf(d.userIds)).map((u) => [u.id, u.name]));
      const teams = new Map(
        (await repo.teamNamesOf([...d.teamIds, ...d.managerTeamIds, ...d.roles.flatMap((r) => (r.teamId ? [r.teamId] : []))])).map((t) => [
          t.id,
          t.name,
        ]),
      );
      const out = new Map<Principal, string>();
      for (const p of principals) {
        const v = p.slice(2);
        if (p.startsWith('u:')) out.set(p, users.get(v) ?? v);
        else if (p.startsWith('t:')) out.set(p, `team ${teams.get(v) ?? v}`);
        else if (p.startsWith('m:')) out.set(p, `managers of ${teams.get(v) ?? v}`);
        else {
          const [role, team] = v.split('@');
          out.set(p, team ? `role ${role} of ${teams.get(team) ?? team}` : `role ${role}`);
        }
      }
      return out;
    },

    /** The actor a terminal user acts as (`--as <e-mail>`), with that user's grants. */
    actorForEmail: (email: string, label: string): Promise<Actor> => actorOf(email, 'cli', (name) => `${label} as ${name}`),

    /** A user acting through a capability they were sent (a task e-mail's link), with their grants. */
    actorForUser: (userId: string, label: (name: string) => string): Promise<Actor> => actorOf(userId, 'user', label),
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
